import { join } from 'node:path';
import { runBench } from '../../../test/bench/run-bench';

/** Keeps `npm run bench:inbound` from rotting: a tiny run must import, send again unchanged, copy and report. */
describe('the inbound benchmark at a tiny scale', () => {
  it('runs end to end and ends with the summary line', async () => {
    const stdout = await runBench(join(__dirname, 'inbound.bench.ts'), [
      '--rows',
      '60',
      '--batch',
      '25',
      '--database',
      'crm_bench_inbound_smoke',
    ]);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^inbound rows\/s: \d+ \(copy rows\/s: \d+\)$/);
    expect(stdout).toMatch(/60 rows in batches of 25, 2 in flight/);
    expect(stdout).toMatch(/same batches again \(every row unchanged\)\s+\d+\.\d{2}/);
  }, 600_000);
});
