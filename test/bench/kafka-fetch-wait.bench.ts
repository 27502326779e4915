import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Consumer, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { KAFKA_FETCH_MAX_WAIT_MS } from '@crm/messaging';
import { startKafkaBroker } from '../infra/kafka/kafka-broker';
import { formatStats, latencyStats, log, mulberry32 } from './latency-stats';

/**
 * What the consumers' fetch wait costs: the CPU that idle consumer groups burn polling (in Node and, when the bench
 * starts its own broker, in the broker), the produce-to-consume round trip while they idle, and how long stopping a
 * consumer takes. The old 50 ms and KafkaTransport's setting side by side, each measured `BENCH_KAFKA_ROUNDS` times.
 */
const GROUPS = Number(process.env.BENCH_KAFKA_GROUPS ?? 60);
const WINDOW_S = Number(process.env.BENCH_KAFKA_WINDOW_S ?? 15);
const MESSAGES = Number(process.env.BENCH_KAFKA_MESSAGES ?? 200);
const ROUNDS = Number(process.env.BENCH_KAFKA_ROUNDS ?? 2);
const OLD_WAIT_MS = 50;
const PARTITIONS = 3;
const SETTLE_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface WaitResult {
  waitMs: number;
  nodeCores: number;
  brokerCores?: number;
  roundTrips: number[];
  slowestStopMs: number;
}

/** CPU seconds a process has used, from /proc (Linux). */
function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function idleGroups(kafka: Kafka, topic: string, waitMs: number): Promise<Consumer[]> {
  const consumers: Consumer[] = [];
  for (let i = 0; i < GROUPS; i++) {
    const consumer = kafka.consumer({
      groupId: `${topic}.idle-${i}`,
      maxWaitTimeInMs: waitMs,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({ partitionsConsumedConcurrently: PARTITIONS, eachBatch: async () => {} });
    consumers.push(consumer);
  }
  return consumers;
}

/** CPU cores used over the window while the idle groups poll: Node's (this process) and the broker's if known. */
async function idleCpu(brokerPid?: number): Promise<{ nodeCores: number; brokerCores?: number }> {
  const nodeBefore = process.cpuUsage();
  const brokerBefore = brokerPid === undefined ? 0 : processCpuSeconds(brokerPid);
  await sleep(WINDOW_S * 1000);
  const node = process.cpuUsage(nodeBefore);
  return {
    nodeCores: (node.user + node.system) / 1e6 / WINDOW_S,
    brokerCores:
      brokerPid === undefined ? undefined : (processCpuSeconds(brokerPid) - brokerBefore) / WINDOW_S,
  };
}

/** One message at a time, at random gaps of 5-65 ms, each timed from before its send to its consumer. */
async function roundTrips(
  consumer: Consumer,
  producer: Producer,
  topic: string,
  seed: number,
): Promise<number[]> {
  const waiters = new Map<string, (at: number) => void>();
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    partitionsConsumedConcurrently: PARTITIONS,
    eachMessage: async ({ message }) => waiters.get(message.key?.toString() ?? '')?.(performance.now()),
  });
  await joined;
  const random = mulberry32(seed);
  const times: number[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const key = randomUUID();
    const arrived = new Promise<number>((resolve) => waiters.set(key, resolve));
    const sent = performance.now();
    await producer.send({ topic, acks: -1, messages: [{ key, value: key.repeat(40) }] });
    times.push((await arrived) - sent);
    await sleep(5 + random() * 60);
  }
  return times;
}

async function slowestStop(consumers: Consumer[]): Promise<number> {
  const stops = await Promise.all(
    consumers.map(async (consumer) => {
      const started = performance.now();
      await consumer.disconnect();
      return performance.now() - started;
    }),
  );
  return Math.max(...stops);
}

async function createTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: topics.map((topic) => ({ topic, numPartitions: PARTITIONS })),
  });
  await admin.disconnect();
}

async function measure(
  kafka: Kafka,
  producer: Producer,
  waitMs: number,
  brokerPid?: number,
): Promise<WaitResult> {
  const idleTopic = `fetch-wait.${randomUUID()}.idle`;
  const measuredTopic = `fetch-wait.${randomUUID()}.measured`;
  await createTopics(kafka, [idleTopic, measuredTopic]);
  const idle = await idleGroups(kafka, idleTopic, waitMs);
  await sleep(SETTLE_MS);
  const cpu = await idleCpu(brokerPid);
  const measured = kafka.consumer({
    groupId: `${measuredTopic}.g`,
    maxWaitTimeInMs: waitMs,
    heartbeatInterval: 1_000,
  });
  await measured.connect();
  await measured.subscribe({ topics: [measuredTopic] });
  const times = await roundTrips(measured, producer, measuredTopic, waitMs);
  return { waitMs, ...cpu, roundTrips: times, slowestStopMs: await slowestStop([measured, ...idle]) };
}

function report(result: WaitResult): void {
  const broker = result.brokerCores === undefined ? 'n/a' : result.brokerCores.toFixed(2);
  log(
    `fetch wait ${String(result.waitMs).padStart(3)} ms: idle cpu cores node ${result.nodeCores.toFixed(2)} broker ${broker};` +
      ` round trip p50 p95 p99 max ms ${formatStats(latencyStats(result.roundTrips))}; slowest stop ${result.slowestStopMs.toFixed(0)} ms`,
  );
}

const idleCores = (results: WaitResult[]) =>
  results.reduce((sum, r) => sum + r.nodeCores + (r.brokerCores ?? 0), 0) / results.length;
const p95 = (results: WaitResult[]) => latencyStats(results.flatMap((r) => r.roundTrips)).p95;

async function main(): Promise<void> {
  const broker = process.env.KAFKA_BROKERS ? undefined : await startKafkaBroker();
  const brokers = process.env.KAFKA_BROKERS ?? (broker?.brokers as string);
  const kafka = new Kafka({
    clientId: 'fetch-wait-bench',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  log(`${GROUPS} idle groups, ${WINDOW_S} s windows, ${MESSAGES} round trips, ${ROUNDS} rounds`);
  const results: WaitResult[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++)
      for (const waitMs of [OLD_WAIT_MS, KAFKA_FETCH_MAX_WAIT_MS]) {
        const result = await measure(kafka, producer, waitMs, broker?.pid);
        report(result);
        results.push(result);
      }
  } finally {
    await producer.disconnect();
    await broker?.stop();
  }
  const at = (waitMs: number) => results.filter((r) => r.waitMs === waitMs);
  console.log(
    `kafka fetch wait ${KAFKA_FETCH_MAX_WAIT_MS} ms: idle cpu cores ${idleCores(at(KAFKA_FETCH_MAX_WAIT_MS)).toFixed(2)} ` +
      `(at ${OLD_WAIT_MS} ms: ${idleCores(at(OLD_WAIT_MS)).toFixed(2)}), round trip p95 ms: ` +
      `${p95(at(KAFKA_FETCH_MAX_WAIT_MS)).toFixed(1)} (at ${OLD_WAIT_MS} ms: ${p95(at(OLD_WAIT_MS)).toFixed(1)})`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
