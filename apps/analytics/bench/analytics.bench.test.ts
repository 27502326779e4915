import { join } from 'node:path';
import { runBench } from '../../../test/bench/run-bench';

/** Keeps `npm run bench:analytics` from rotting: a tiny run must produce, ingest, recompute and report. */
describe('the analytics benchmark at a tiny scale', () => {
  it('runs end to end and ends with the summary line', async () => {
    const stdout = await runBench(
      join(__dirname, 'analytics.bench.ts'),
      ['--events', '500', '--customers', '200', '--lines', '2000', '--database', 'crm_bench_analytics_smoke'],
      { KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS },
    );
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^analytics ingest events\/s: \d+ \(raw consume events\/s: \d+\), rfm recompute s: \d+\.\d$/,
    );
    expect(stdout).toMatch(/consumer groups applied 500 events/);
    expect(stdout).toMatch(/recompute: 200 customers valued, 200 tier changes published/);
  }, 300_000);
});
