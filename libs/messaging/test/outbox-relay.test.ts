import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@crm/testing';
import {
  BATCH_KEY,
  KafkaTransport,
  messagingTablesDdl,
  MessageTransport,
  outboxBatchesDdl,
  outboxLeaseAndParkingDdl,
  OutboxRelay,
  TransportMessage,
  TransportSubscription,
} from '@crm/messaging';

const TOPIC = 'crm.relay-test.thing.v1';

/** Real Kafka underneath; records what the broker acknowledged and can hold a publish open. */
class ObservedTransport extends MessageTransport {
  readonly name = 'observed';
  readonly acked: TransportMessage[] = [];
  delayMs = 0;
  onPublishing: () => Promise<void> = async () => undefined;

  constructor(private readonly kafka: KafkaTransport) {
    super();
  }
  ensureTopics(topics: string[]): Promise<void> {
    return this.kafka.ensureTopics(topics);
  }
  async publish(messages: TransportMessage[]): Promise<void> {
    await this.onPublishing();
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    await this.kafka.publish(messages);
    this.acked.push(...messages);
  }
  subscribe(subscription: TransportSubscription): Promise<void> {
    return this.kafka.subscribe(subscription);
  }
  isHealthy(): Promise<boolean> {
    return this.kafka.isHealthy();
  }
  stopConsuming(): Promise<void> {
    return this.kafka.stopConsuming();
  }
  close(): Promise<void> {
    return this.kafka.close();
  }
}

interface Row {
  message_key: string;
  state: string;
  published_at: Date | null;
  last_error: string | null;
  label: string;
}

describe(OutboxRelay.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let kafka: KafkaTransport;
  let transport: ObservedTransport;
  let relay: OutboxRelay;

  beforeAll(async () => {
    database = await createTestDatabase('relay');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      extra: { max: 4 },
    }).initialize();
    await dataSource.query(`CREATE SCHEMA relayed`);
    for (const statement of messagingTablesDdl('relayed')) await dataSource.query(statement);
    for (const statement of outboxLeaseAndParkingDdl('relayed')) await dataSource.query(statement);
    for (const statement of outboxBatchesDdl('relayed')) await dataSource.query(statement);
    kafka = new KafkaTransport({
      brokers: [process.env.TEST_KAFKA_BROKERS as string],
      clientId: 'relay-test',
      namespace: `t${randomBytes(4).toString('hex')}.`,
    });
    await kafka.ensureTopics([TOPIC]);
  });
  afterAll(async () => {
    await kafka?.close();
    await dataSource?.destroy();
    await database?.drop();
  });
  beforeEach(async () => {
    await dataSource.query(`DELETE FROM relayed.outbox_message`);
    transport = new ObservedTransport(kafka);
    relay = new OutboxRelay(dataSource, transport, {
      schema: 'relayed',
      pollIntervalMs: 60_000,
      batchSize: 200,
    });
  });

  async function add(aggregate: string, label: string, padding = 0): Promise<void> {
    const envelope = { id: randomUUID(), label, padding: 'x'.repeat(padding) };
    await dataSource.query(
      `INSERT INTO relayed.outbox_message (event_id, topic, message_key, envelope, headers) VALUES ($1, $2, $3, $4, '{}')`,
      [envelope.id, TOPIC, aggregate, JSON.stringify(envelope)],
    );
  }

  /** A batch row (ADR 0063): one event per `[aggregate, label]`. */
  async function addBatch(events: Array<[string, string]>): Promise<void> {
    const batch = events.map(([aggregateId, label], i) => ({
      id: randomUUID(),
      aggregateId,
      aggregateSequence: i + 1,
      correlationId: randomUUID(),
      payload: {},
      label,
    }));
    await dataSource.query(
      `INSERT INTO relayed.outbox_message (event_id, topic, message_key, envelope, headers, batch)
       VALUES ($1, $2, '${BATCH_KEY}', '{"shared": true}', '{}', $3)`,
      [randomUUID(), TOPIC, JSON.stringify(batch)],
    );
  }

  async function rows(): Promise<Row[]> {
    return dataSource.query(
      `SELECT message_key, state, published_at, last_error, envelope->>'label' AS label FROM relayed.outbox_message ORDER BY seq`,
    );
  }

  const ackedLabels = () =>
    transport.acked.map((message) => (JSON.parse(String(message.value)) as { label: string }).label);

  it('holds no transaction or row lock while Kafka is awaited and stamps published_at after the ack', async () => {
    await add('a', 'a1');
    transport.delayMs = 1_500;
    let publishStartedAt = 0;
    let lockedDuringPublish: unknown;
    transport.onPublishing = async () => {
      publishStartedAt = Date.now();
      const probe = new Client({ connectionString: database.url });
      await probe.connect();
      try {
        await probe.query(`BEGIN`);
        await probe.query(`SELECT seq FROM relayed.outbox_message FOR UPDATE NOWAIT`);
        await probe.query(`ROLLBACK`);
        const { rows: open } = await probe.query(
          `SELECT count(*)::int AS open FROM pg_stat_activity
            WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()`,
        );
        lockedDuringPublish = open[0].open;
      } catch (error) {
        lockedDuringPublish = (error as Error).message;
      } finally {
        await probe.end();
      }
    };

    expect(await relay.flushAll()).toBe(1);

    expect(lockedDuringPublish).toBe(0);
    const [row] = await rows();
    expect(row.state).toBe('published');
    expect(row.published_at!.getTime()).toBeGreaterThanOrEqual(publishStartedAt + 1_400);
  });

  it('parks a row the broker refuses for good; other aggregates go on, later rows of its aggregate wait', async () => {
    await add('a', 'a1');
    await add('a', 'a2-too-large', 2_000_000);
    await add('b', 'b1');
    await add('a', 'a3');
    await add('c', 'c1');

    expect(await relay.flushAll()).toBe(3);

    const states = (await rows()).map((row) => [row.label, row.state]);
    expect(states).toEqual([
      ['a1', 'published'],
      ['a2-too-large', 'failed'],
      ['b1', 'published'],
      ['a3', 'pending'],
      ['c1', 'published'],
    ]);
    const parked = (await rows()).find((row) => row.state === 'failed')!;
    expect(parked.last_error).toMatch(/max message size/i);
    expect(await relay.parkedCount()).toBe(1);

    // The next pass sends new work but still keeps a3 behind its parked predecessor.
    await add('b', 'b2');
    expect(await relay.flushAll()).toBe(1);
    expect(ackedLabels().filter((label) => label !== 'a1')).toEqual(
      expect.arrayContaining(['b1', 'c1', 'b2']),
    );
    expect(ackedLabels()).not.toContain('a3');
  });

  it('keeps a later row behind an earlier one of its aggregate still leased by a crashed relay', async () => {
    await add('a', 'a1');
    await add('a', 'a2');
    await add('b', 'b1');
    await dataSource.query(
      `UPDATE relayed.outbox_message SET lease_until = now() + interval '1 hour' WHERE envelope->>'label' = 'a1'`,
    );

    expect(await relay.flushAll()).toBe(1);

    expect(ackedLabels()).toEqual(['b1']);
    await dataSource.query(`UPDATE relayed.outbox_message SET lease_until = now() - interval '1 second'`);
    expect(await relay.flushAll()).toBe(2);
    expect(ackedLabels()).toEqual(['b1', 'a1', 'a2']);
  });

  it('publishes a batch row one message per event, and holds it as a row of every aggregate of its topic', async () => {
    await add('a', 'a1');
    await add('a', 'a2-too-large', 2_000_000);
    await addBatch([
      ['b', 'b1'],
      ['c', 'c1'],
    ]);
    await add('b', 'b2');
    await add('d', 'd1');

    // The batch waits behind the parked row of its topic, and every later row of the topic behind the batch.
    expect(await relay.flushAll()).toBe(1);
    expect(await relay.flushAll()).toBe(0);
    expect((await rows()).map((row) => row.state)).toEqual([
      'published',
      'failed',
      'pending',
      'pending',
      'pending',
    ]);

    // An operator resolves the parked row: the rest goes out in order, the batch as one message per event.
    await dataSource.query(`DELETE FROM relayed.outbox_message WHERE state = 'failed'`);
    expect(await relay.flushAll()).toBe(4);
    expect(ackedLabels()).toEqual(['a1', 'b1', 'c1', 'b2', 'd1']);
    expect(transport.acked.map((message) => message.key)).toEqual(['a', 'b', 'c', 'b', 'd']);
    expect(JSON.parse(String(transport.acked[1].value))).toMatchObject({ shared: true, aggregateId: 'b' });
  });
});
