import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from '@crm/testing';
import { startKafkaBroker } from '../../infra/kafka/kafka-broker';
import { withClient } from '../bench-database';
import { formatStats, latencyStats, log, mulberry32 } from '../latency-stats';
import { BenchCustomer } from './agent-data';
import { AgentFloor } from './agent-floor';
import { AgentServices } from './agent-services';
import { loadWorld } from './agent-world';
import { cpuSnapshot, CpuSources, cpuUsed } from './process-cpu';
import { RequestRecorder } from './request-recorder';
import { sqlBaseline } from './sql-baseline';
import { errorRate, loadAverage, overallP95, printStep, StepResult } from './step-report';

const env = process.env;
const CUSTOMERS = Number(env.BENCH_AGENT_CUSTOMERS ?? 100_000);
const STEPS = (env.BENCH_AGENT_STEPS ?? '50,100,200,400,800,1200,1600,2400,3200,4800').split(',').map(Number);
const STEP_SECONDS = Number(env.BENCH_AGENT_STEP_SECONDS ?? 60);
/** 1 is real call-center pace (a call every 60-120 s per agent); 10 makes every agent ten times as busy. */
const PACE = Number(env.BENCH_AGENT_PACE ?? 1);
const BASELINE_SECONDS = Number(env.BENCH_AGENT_BASELINE_SECONDS ?? 30);
const DEALERS = Number(env.BENCH_AGENT_DEALERS ?? 500);
const STATIONS = Number(env.BENCH_AGENT_STATIONS ?? 2_000);
const DATABASE_PREFIX = env.BENCH_AGENT_DATABASE_PREFIX ?? 'crm_bench_agents';
const P95_LIMIT_MS = 100;
const ERROR_LIMIT = 0.001;
/** As docker-compose.yml deploys it. */
const KAFKA_PARTITIONS = 3;
const ADMIN_DATABASE_URL = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function kafkaBrokers(): Promise<{ brokers: string; pid?: number; stop(): Promise<void> }> {
  if (env.KAFKA_BROKERS) return { brokers: env.KAFKA_BROKERS, stop: async () => {} };
  log('KAFKA_BROKERS not set: starting a broker');
  return startKafkaBroker();
}

interface Run {
  services: AgentServices;
  customers: BenchCustomer[];
  recorder: RequestRecorder;
  floor: AgentFloor;
  cpu: CpuSources;
}

async function measureStep(run: Run, agents: number): Promise<StepResult> {
  const signIns = await run.floor.growTo(agents);
  const delay = monitorEventLoopDelay();
  const before = await cpuSnapshot(run.cpu);
  delay.enable();
  run.recorder.open();
  await sleep(STEP_SECONDS * 1000);
  const window = run.recorder.close();
  delay.disable();
  const cpuSeconds = cpuUsed(before, await cpuSnapshot(run.cpu));
  return { agents, window, signIns, cpuSeconds, generatorDelayMs: delay.percentile(99) / 1e6 };
}

/** Steps the head count up until the overall p95 reaches the limit or errors pass 0.1%; returns every step. */
async function ramp(run: Run): Promise<StepResult[]> {
  const steps: StepResult[] = [];
  for (const agents of STEPS) {
    const step = await measureStep(run, agents);
    printStep(step);
    steps.push(step);
    if (overallP95(step.window) >= P95_LIMIT_MS || errorRate(step.window) > ERROR_LIMIT) break;
  }
  return steps;
}

function passed(step: StepResult): boolean {
  return overallP95(step.window) < P95_LIMIT_MS && errorRate(step.window) <= ERROR_LIMIT;
}

/** Every complaint an agent recorded must become a ticket in the service app (through Kafka) and be routed. */
async function followComplaints(run: Run): Promise<void> {
  const tickets = run.recorder.complaintTickets;
  const count = () =>
    withClient(run.services.databases().service, async (client) => {
      const { rows } = await client.query<{ opened: number; routed: number }>(
        `SELECT count(*)::int AS opened, count(station_id)::int AS routed FROM service.ticket WHERE id = ANY($1)`,
        [tickets],
      );
      return rows[0];
    });
  const arrived = await eventually(
    async () => {
      const counted = await count();
      if (counted.opened < tickets.length)
        throw new Error(`${counted.opened} of ${tickets.length} tickets opened`);
      return counted;
    },
    120_000,
    500,
  ).catch(() => count());
  console.log(
    `\ncomplaints: ${tickets.length} recorded by the agents, ${arrived.opened} opened as tickets by the service app ` +
      `through Kafka, ${arrived.routed} of them routed to a station`,
  );
  if (arrived.opened < tickets.length) throw new Error('complaints were lost on the way to the service app');
}

async function printBaseline(run: Run, step: StepResult): Promise<void> {
  const { window } = step;
  const rates = {
    lookupPerSecond: window.latencies.lookup.length / window.seconds,
    viewPerSecond: window.latencies['360'].length / window.seconds,
  };
  const sql = await sqlBaseline(
    run.services.databases().callCenter,
    run.customers,
    rates,
    BASELINE_SECONDS,
    mulberry32(5),
  );
  console.log(
    `\nbaseline at ${step.agents} agents' read rate (${rates.lookupPerSecond.toFixed(1)} lookups/s, ` +
      `${rates.viewPerSecond.toFixed(1)} 360s/s), the same SQL on a pg pool of 10 for ${BASELINE_SECONDS} s:`,
  );
  console.log(`  ${'kind'.padEnd(12)}       p50      p95      p99      max  (ms)   API p95 / SQL p95`);
  for (const kind of ['lookup', '360'] as const) {
    if (!sql[kind].length || !window.latencies[kind].length) continue;
    const ratio = latencyStats(window.latencies[kind]).p95 / latencyStats(sql[kind]).p95;
    console.log(
      `  ${`${kind} SQL`.padEnd(12)} ${formatStats(latencyStats(sql[kind]))}   ${ratio.toFixed(1)}x`,
    );
  }
}

async function main(): Promise<void> {
  log(
    `agents at pace ${PACE} (1 = a call every 60-120 s per agent), steps ${STEPS.join(', ')} of ${STEP_SECONDS} s, ` +
      `${CUSTOMERS} customers; load average ${loadAverage()}`,
  );
  const kafka = await kafkaBrokers();
  const namespace = `bench${randomBytes(3).toString('hex')}.`;
  let services: AgentServices | undefined;
  let floor: AgentFloor | undefined;
  try {
    services = await AgentServices.start({
      adminDatabaseUrl: ADMIN_DATABASE_URL,
      redisUrl: REDIS_URL,
      kafkaBrokers: kafka.brokers,
      kafkaNamespace: namespace,
      kafkaPartitions: KAFKA_PARTITIONS,
      databasePrefix: DATABASE_PREFIX,
    });
    log(
      `identity, customer-master, call-center and service started on Kafka ${kafka.brokers} (namespace ${namespace})`,
    );
    const customers = await loadWorld(services.databases(), {
      customers: CUSTOMERS,
      dealers: DEALERS,
      stations: STATIONS,
      agents: Math.max(...STEPS),
    });
    const recorder = new RequestRecorder();
    floor = new AgentFloor({
      identityUrl: services.identityUrl,
      callCenterUrl: services.url('call-center'),
      customers,
      recorder,
      pace: PACE,
    });
    const cpu: CpuSources = {
      processes: { ...services.processIds(), ...(kafka.pid ? { kafka: kafka.pid } : {}) },
      adminDatabaseUrl: ADMIN_DATABASE_URL,
      databases: Object.values(services.databases()).map((url) => new URL(url).pathname.slice(1)),
      redisUrl: REDIS_URL,
    };
    const run: Run = { services, customers, recorder, floor, cpu };
    const steps = await ramp(run);
    await floor.stop();
    if (recorder.serverErrors > 0)
      throw new Error(
        `${recorder.serverErrors} server errors (5xx), the first: ${recorder.firstServerError}`,
      );
    console.log(`\nlookups that did not bring the caller up even by phone: ${recorder.lookupMisses}`);
    await followComplaints(run);
    const best = steps.filter(passed).at(-1);
    if (best) await printBaseline(run, best);
    console.log(`\nagents at p95 < ${P95_LIMIT_MS} ms: ${best?.agents ?? 0} on this machine`);
  } finally {
    await floor?.stop();
    await services?.stop();
    await kafka.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
