import { join } from 'node:path';
import { runBench } from '../../../test/bench/run-bench';

/** Keeps `npm run bench:pipeline` from rotting: a tiny run must load, serve, compare and report. */
describe('the pipeline benchmark at a tiny scale', () => {
  it('runs end to end and ends with the summary line', async () => {
    const stdout = await runBench(join(__dirname, 'pipeline.bench.ts'), [
      '--scale',
      '0.001',
      '--duration',
      '1',
      '--database',
      'crm_bench_pipeline_smoke',
    ]);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(
      /^pipeline p95 ms at 200 opportunities: \d+\.\d{2} \(sql p95 ms: \d+\.\d{2}\)$/,
    );
    expect(stdout).toMatch(/director: 24 queries, same \d+ rows over HTTP and SQL/);
    expect(stdout).toMatch(/manager-2: 24 queries, same \d+ rows over HTTP and SQL/);
  }, 300_000);
});
