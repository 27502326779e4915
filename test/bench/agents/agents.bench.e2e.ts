import { join } from 'node:path';
import { runBench } from '../run-bench';

/** Keeps `npm run bench:agents` from rotting: a few busy agents for seconds, through every service and Kafka. */
describe('the agents benchmark at a tiny scale', () => {
  it('signs agents in, ramps, follows their complaints to the service app and ends with the summary line', async () => {
    const stdout = await runBench(join(__dirname, 'agents.bench.ts'), [], {
      BENCH_AGENT_CUSTOMERS: '3000',
      BENCH_AGENT_DEALERS: '20',
      BENCH_AGENT_STATIONS: '50',
      BENCH_AGENT_STEPS: '2,4',
      BENCH_AGENT_STEP_SECONDS: '15',
      BENCH_AGENT_PACE: '30',
      BENCH_AGENT_BASELINE_SECONDS: '3',
      BENCH_AGENT_DATABASE_PREFIX: 'crm_bench_agents_smoke',
      REDIS_URL: process.env.TEST_REDIS_URL,
      KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS,
    });
    const lines = stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^agents at p95 < 100 ms: (0|2|4) on this machine$/);
    expect(stdout).toMatch(/loaded 3000 customers with phones, vehicles and history/);
    expect(stdout).toMatch(/^2 agents, \d+ s measured/m);
    expect(stdout).toMatch(/^\s+2 signed in at identity first:/m);
    expect(stdout).toMatch(/^\s+lookup\s+[1-9]\d*\s/m);
    expect(stdout).toMatch(/^\s+360\s+[1-9]\d*\s/m);
    expect(stdout).toMatch(/CPU ms per request: .*call-center \d+\.\d{2}/);
    const [, recorded, opened] =
      /complaints: (\d+) recorded by the agents, (\d+) opened as tickets/.exec(stdout) ?? [];
    expect(Number(opened)).toBe(Number(recorded));
    expect(stdout).toMatch(/lookups that did not bring the caller up even by phone: 0/);
  }, 900_000);
});
