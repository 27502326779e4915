import { join } from 'node:path';
import { runBench } from '../../../test/bench/run-bench';

/** Keeps `npm run bench:import` from rotting: a tiny file must import with the generated counts, copy and report. */
describe('the import benchmark at a tiny scale', () => {
  it('runs end to end, verifies the counts and ends with the summary line', async () => {
    const stdout = await runBench(join(__dirname, 'import.bench.ts'), [], {
      BENCH_IMPORT_ROWS: '400',
      BENCH_IMPORT_DATABASE: 'crm_bench_import_smoke',
    });
    expect(stdout).toMatch(/counts as generated: \{"totalRows":400,"created":372,"duplicates":20,/);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^import rows\/s: \d+ \(copy rows\/s: \d+\)$/);
  }, 600_000);
});
