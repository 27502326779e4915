import { join } from 'node:path';
import { runBench } from '../../../test/bench/run-bench';

/** Keeps `npm run bench:campaigns` from rotting: a tiny run must load, compare, send both ways and report. */
describe('the campaigns benchmark at a tiny scale', () => {
  it('runs end to end and ends with the summary line', async () => {
    const stdout = await runBench(join(__dirname, 'campaigns.bench.ts'), [], {
      CAMPAIGNS_BENCH_CUSTOMERS: '2000',
      CAMPAIGNS_BENCH_EMAILS: '100',
      CAMPAIGNS_BENCH_DURATION: '1',
      CAMPAIGNS_BENCH_DATABASE: 'crm_bench_campaigns_smoke',
    });
    const lines = stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(
      /^campaigns: segment p95 ms at 2k customers: \d+\.\d{2}, send msgs\/s: \d+ \(raw smtp msgs\/s: \d+\)$/,
    );
    expect(stdout).toMatch(/4-rule segment: \d+ members, the same count and first page over HTTP and SQL/);
    expect(stdout).toMatch(
      /campaign [0-9a-f-]{36}: 100 mails through create, schedule, freeze and the sender/,
    );
  }, 300_000);
});
