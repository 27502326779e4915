import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { KAFKA_FETCH_MAX_WAIT_MS } from '@crm/messaging';
import { openLoop } from './complaint-flow-arrivals';

export interface RoundTripOptions {
  brokers: string[];
  topic: string;
  partitions: number;
  /** A real message to imitate; its first UUID is replaced per message, so the size stays the same. */
  template: { value: string; headers: Record<string, string> };
  /** When each measured message is sent, in ms from the start (the complaints' arrivals). */
  arrivals: number[];
  warmup: number;
  /** How many producers' worth of sends may wait for their acknowledgement at once (the agents). */
  senders: number;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/**
 * Bare kafkajs produce-to-consume round trips, with the client settings KafkaTransport uses
 * (idempotent producer, acks from all replicas, one request in flight, the same fetch wait), sent at
 * the complaints' arrival times by as many senders as there are agents: a round trip runs from just
 * before the send to the consumer's eachMessage.
 */
export async function kafkaRoundTrips(options: RoundTripOptions): Promise<number[]> {
  const kafka = new Kafka({
    clientId: 'bench-round-trip',
    brokers: options.brokers,
    logLevel: logLevel.WARN,
  });
  const admin = kafka.admin();
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // The kafkajs 2 default, as KafkaTransport gets it; named only to silence the upgrade warning.
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({
    groupId: `${options.topic}.consumer`,
    maxWaitTimeInMs: KAFKA_FETCH_MAX_WAIT_MS,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    allowAutoTopicCreation: false,
  });
  const waiters = new Map<string, (at: number) => void>();
  try {
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: options.topic, numPartitions: options.partitions }],
    });
    await Promise.all([producer.connect(), consumer.connect()]);
    await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachMessage: async ({ message }) => waiters.get(message.key?.toString() ?? '')?.(performance.now()),
    });
    await joined;
    const send = async (): Promise<{ outcome: Promise<number> }> => {
      const id = randomUUID();
      const arrived = new Promise<number>((resolve) => waiters.set(id, resolve));
      const started = performance.now();
      await producer.send({
        topic: options.topic,
        acks: -1,
        messages: [
          { key: id, value: options.template.value.replace(UUID, id), headers: options.template.headers },
        ],
      });
      const outcome = arrived.then((at) => {
        waiters.delete(id);
        return at - started;
      });
      return { outcome };
    };
    for (let i = 0; i < options.warmup; i++) await (await send()).outcome;
    return (await openLoop(options.arrivals, options.senders, send)).outcomes;
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [options.topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
