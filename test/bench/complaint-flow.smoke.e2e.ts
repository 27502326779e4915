import { join } from 'node:path';
import { runBench } from './run-bench';

/** Keeps `npm run bench:complaint-flow` from rotting: a tiny run must route every complaint, check it and report. */
describe('the complaint-flow benchmark at a tiny scale', () => {
  it('delivers every complaint to its station, correctly signed, and ends with the summary line', async () => {
    const stdout = await runBench(join(__dirname, 'complaint-flow.bench.ts'), [], {
      KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS,
      REDIS_URL: process.env.TEST_REDIS_URL,
      BENCH_DATABASE_PREFIX: 'crm_bench_flow_smoke',
      BENCH_COMPLAINTS: '12',
      BENCH_STATIONS: '300',
      BENCH_CUSTOMERS: '40',
      BENCH_AGENTS: '3',
    });
    const lines = stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^complaint-to-station p99 ms: \d+\.\d \(raw kafka p99 ms: \d+\.\d\)$/);
    expect(stdout).toMatch(/300 stations \(\d+ inactive, \d+ full\), each with its webhook/);
    expect(stdout).toMatch(/every webhook at its ticket's station, correctly signed/);
    expect(stdout).toMatch(/complaint API call to station webhook received\s+12\s/);
    expect(stdout).toMatch(/raw kafkajs produce to consume \(same broker, payload size\)\s+12\s/);
  }, 900_000);
});
