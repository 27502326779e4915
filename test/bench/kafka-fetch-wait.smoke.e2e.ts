import { join } from 'node:path';
import { runBench } from './run-bench';

/** Keeps `npm run bench:kafka-fetch-wait` from rotting: a tiny run must measure both waits and report. */
describe('the Kafka fetch-wait benchmark at a tiny scale', () => {
  it('measures the old and the current wait and ends with the summary line', async () => {
    const stdout = await runBench(join(__dirname, 'kafka-fetch-wait.bench.ts'), [], {
      KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS,
      BENCH_KAFKA_GROUPS: '2',
      BENCH_KAFKA_WINDOW_S: '1',
      BENCH_KAFKA_MESSAGES: '5',
      BENCH_KAFKA_ROUNDS: '1',
    });
    expect(stdout).toMatch(/fetch wait {2}50 ms: idle cpu cores node \d+\.\d\d broker n\/a; round trip/);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^kafka fetch wait \d+ ms: idle cpu cores \d+\.\d\d \(at 50 ms: \d+\.\d\d\), round trip p95 ms: \d+\.\d \(at 50 ms: \d+\.\d\)$/,
    );
  }, 300_000);
});
