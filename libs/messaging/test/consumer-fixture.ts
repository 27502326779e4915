import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Kafka, logLevel, Message } from 'kafkajs';
import { EventDefinition, EventEnvelope, EventRegistry, SYSTEM_ACTOR, topicFor } from '@crm/contracts';
import {
  allMessagingTablesDdl,
  EventSubscriber,
  KafkaTransport,
  KafkaTransportOptions,
} from '@crm/messaging';
import { createTestDatabase, TestDatabase } from '@crm/testing';

export const SCHEMA = 'consumer';
export const PARTITIONS = 3;

/** One consuming service on a fresh database and Kafka namespace: its subscriber, transport and raw producer. */
export class ConsumerFixture {
  private constructor(
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
    readonly transport: KafkaTransport,
    readonly namespace: string,
    private readonly kafka: Kafka,
  ) {}

  /**
   * `brokers` defaults to the shared test broker; a test that stops its broker passes its own, and may
   * shorten the transport's backoff and session so a restarted member does not wait out the production ones.
   */
  static async start(
    label: string,
    brokers = [process.env.TEST_KAFKA_BROKERS as string],
    options: Pick<KafkaTransportOptions, 'connectBackoff' | 'sessionTimeoutMs'> = {},
  ): Promise<ConsumerFixture> {
    const database = await createTestDatabase(label);
    const dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    await dataSource.query(`CREATE SCHEMA ${SCHEMA}`);
    await dataSource.query(`CREATE TABLE ${SCHEMA}.applied (
      consumer text NOT NULL, event_id uuid NOT NULL, version integer NOT NULL, payload jsonb NOT NULL)`);
    for (const statement of allMessagingTablesDdl(SCHEMA)) await dataSource.query(statement);
    const namespace = `t${randomBytes(4).toString('hex')}.`;
    const transport = new KafkaTransport({
      brokers,
      clientId: label,
      namespace,
      partitions: PARTITIONS,
      ...options,
    });
    const kafka = new Kafka({ brokers, clientId: `${label}-raw`, logLevel: logLevel.NOTHING });
    return new ConsumerFixture(database, dataSource, transport, namespace, kafka);
  }

  subscriber(registry?: EventRegistry): EventSubscriber {
    const retry = { attempts: 2, initialDelayMs: 10, maxDelayMs: 10 };
    return new EventSubscriber('consumer', SCHEMA, this.dataSource, this.transport, retry, registry);
  }

  /** A handler that records what it was given, so a test sees the version and payload each consumer got. */
  recorder(consumer: string) {
    return async (event: EventEnvelope, tx: { query(sql: string, params: unknown[]): Promise<unknown> }) => {
      await tx.query(
        `INSERT INTO ${SCHEMA}.applied (consumer, event_id, version, payload) VALUES ($1, $2, $3, $4)`,
        [consumer, event.id, event.version, JSON.stringify(event.payload)],
      );
    };
  }

  /** Sends raw Kafka messages (any bytes) to a logical topic, as a foreign or broken producer would. */
  async sendRaw(topic: string, messages: Message[]): Promise<void> {
    const producer = this.kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic: `${this.namespace}${topic}`, messages });
    } finally {
      await producer.disconnect();
    }
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  async stop(): Promise<void> {
    await this.transport.close();
    await this.dataSource.destroy();
    await this.database.drop();
  }
}

export function envelopeOf<D extends EventDefinition>(
  definition: D,
  aggregateId: string,
  payload: unknown,
  overrides: Partial<EventEnvelope> = {},
): EventEnvelope {
  return {
    id: randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    producer: 'test-producer',
    aggregateType: definition.aggregateType,
    aggregateId,
    correlationId: randomUUID(),
    causationId: null,
    actor: SYSTEM_ACTOR,
    payload,
    ...overrides,
  };
}

export const topicOf = (definition: EventDefinition) => topicFor(definition);
