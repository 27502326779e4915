import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { RandomIdGenerator, SystemClock } from '@crm/core';
import {
  EventFactory,
  EventSubscriber,
  KAFKA_FETCH_MAX_WAIT_MS,
  KafkaTransport,
  Outbox,
  UnitOfWork,
} from '@crm/messaging';
import { migrateDatabase } from '@crm/persistence';
import { recreateDatabase, withClient } from '../../../test/bench/bench-database';
import { log } from '../../../test/bench/latency-stats';
import { startKafkaBroker } from '../../../test/infra/kafka/kafka-broker';
import { ANALYTICS_SCHEMA, ANALYTICS_SERVICE } from '../src/analytics.constants';
import { CustomerValueRecompute } from '../src/customer-value/customer-value-recompute';
import { customerValueSettings } from '../src/customer-value/customer-value-settings';
import { analyticsMigrations } from '../src/migrations';
import { PostgresProjectionStore } from '../src/projections/postgres-projection-store';
import { registerProjectionHandlers } from '../src/projections/projection-handlers';
import { LIVE_TABLES } from '../src/projections/projection-tables';
import { KafkaOffsets } from '../src/rebuild/kafka-offsets';
import { OffsetTrackingTransport } from '../src/rebuild/offset-tracking.transport';
import { BENCH_TOPICS, benchMessage, loadPurchases } from './analytics-bench-data';

const { values: args } = parseArgs({
  options: {
    /** The sizes are the defaults; `--events 100000 --customers 100000 --lines 1000000` on a busy machine. */
    events: { type: 'string', default: process.env.BENCH_ANALYTICS_EVENTS ?? '1000000' },
    customers: { type: 'string', default: process.env.BENCH_ANALYTICS_CUSTOMERS ?? '1000000' },
    lines: { type: 'string', default: process.env.BENCH_ANALYTICS_LINES ?? '10000000' },
    partitions: { type: 'string', default: '3' },
    database: { type: 'string', default: 'crm_bench_analytics' },
  },
});
const EVENTS = Number(args.events);
const CUSTOMERS = Number(args.customers);
const LINES = Number(args.lines);
const PARTITIONS = Number(args.partitions);
const PRODUCE_BATCH = 5_000;
const POLL_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (since: number) => (performance.now() - since) / 1000;

async function kafkaBrokers(): Promise<{ brokers: string; stop(): Promise<void> }> {
  if (process.env.KAFKA_BROKERS) return { brokers: process.env.KAFKA_BROKERS, stop: async () => {} };
  log('KAFKA_BROKERS not set: starting a broker');
  return startKafkaBroker();
}

/** Writes the events onto their topics (created with the bench's partitions), in big batches. */
async function produce(kafka: Kafka, namespace: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: BENCH_TOPICS.map((topic) => ({ topic: `${namespace}${topic}`, numPartitions: PARTITIONS })),
  });
  await admin.disconnect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  for (let start = 0; start < EVENTS; start += PRODUCE_BATCH) {
    const byTopic = new Map<string, Array<{ key: string; value: string }>>();
    for (let i = start; i < Math.min(EVENTS, start + PRODUCE_BATCH); i++) {
      const { topic, key, value } = benchMessage(i, CUSTOMERS);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), { key, value }]);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic: `${namespace}${topic}`, messages })),
    });
  }
  await producer.disconnect();
}

/** The baseline: one kafkajs consumer group reading the same topics, doing nothing with the messages. */
async function rawConsume(kafka: Kafka, namespace: string): Promise<number> {
  const consumer = kafka.consumer({ groupId: `${namespace}raw`, maxWaitTimeInMs: KAFKA_FETCH_MAX_WAIT_MS });
  await consumer.connect();
  await consumer.subscribe({
    topics: BENCH_TOPICS.map((topic) => `${namespace}${topic}`),
    fromBeginning: true,
  });
  let seen = 0;
  const started = performance.now();
  await consumer.run({
    partitionsConsumedConcurrently: PARTITIONS,
    eachBatch: async ({ batch }) => {
      seen += batch.messages.length;
    },
  });
  while (seen < EVENTS) await sleep(POLL_MS);
  const elapsed = seconds(started);
  await consumer.disconnect();
  return EVENTS / elapsed;
}

/** The real analytics consumers (every projection's group) applying the same events, until all caught up. */
async function ingest(dataSource: DataSource, brokers: string[], namespace: string): Promise<number> {
  const options = { brokers, clientId: 'analytics-bench', namespace, partitions: PARTITIONS };
  const transport = new OffsetTrackingTransport(new KafkaTransport(options));
  const offsets = new KafkaOffsets(options);
  const subscriber = new EventSubscriber(ANALYTICS_SERVICE, ANALYTICS_SCHEMA, dataSource, transport);
  registerProjectionHandlers(subscriber, new PostgresProjectionStore(LIVE_TABLES));
  const started = performance.now();
  await subscriber.start();
  const ends = await offsets.ends(BENCH_TOPICS);
  while (!transport.reached(ends)) await sleep(POLL_MS);
  const elapsed = seconds(started);
  log(
    `${transport.subscribedGroups().length} consumer groups applied ${EVENTS} events in ${elapsed.toFixed(1)} s`,
  );
  await transport.close();
  await offsets.close();
  return EVENTS / elapsed;
}

/** The set-based recompute of every buyer's value, RFM, CLV and tier, with its tier events in the outbox. */
async function recompute(dataSource: DataSource, url: string): Promise<number> {
  let started = performance.now();
  await withClient(url, (client) => loadPurchases(client, CUSTOMERS, LINES));
  log(`loaded ${LINES} purchases of ${CUSTOMERS} customers in ${seconds(started).toFixed(1)} s`);
  const clock = new SystemClock();
  const values = new CustomerValueRecompute(
    new UnitOfWork(dataSource),
    new Outbox(ANALYTICS_SCHEMA),
    new EventFactory(ANALYTICS_SERVICE, clock, new RandomIdGenerator()),
    clock,
    customerValueSettings({} as never),
  );
  started = performance.now();
  const result = await values.recomputeNow();
  const elapsed = seconds(started);
  log(`recompute: ${result.customers} customers valued, ${result.tierChanges} tier changes published`);
  return elapsed;
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = await recreateDatabase(adminUrl, args.database as string);
  await migrateDatabase({ service: ANALYTICS_SERVICE, databaseUrl: url, migrations: analyticsMigrations });
  const dataSource = await new DataSource({ type: 'postgres', url, extra: { max: 10 } }).initialize();
  const broker = await kafkaBrokers();
  const namespace = `bench${Date.now()}.`;
  const kafka = new Kafka({
    clientId: 'analytics-bench',
    brokers: broker.brokers.split(','),
    logLevel: logLevel.WARN,
  });
  try {
    const started = performance.now();
    await produce(kafka, namespace);
    log(
      `produced ${EVENTS} events (orders, ticket events, repairs, interactions) in ${seconds(started).toFixed(1)} s`,
    );
    const raw = await rawConsume(kafka, namespace);
    const ingested = await ingest(dataSource, broker.brokers.split(','), namespace);
    const rfmSeconds = await recompute(dataSource, url);
    log(`events ${EVENTS}, customers ${CUSTOMERS}, order lines ${LINES}, partitions ${PARTITIONS}`);
    console.log(
      `analytics ingest events/s: ${ingested.toFixed(0)} (raw consume events/s: ${raw.toFixed(0)}), rfm recompute s: ${rfmSeconds.toFixed(1)}`,
    );
  } finally {
    await dataSource.destroy();
    await broker.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
