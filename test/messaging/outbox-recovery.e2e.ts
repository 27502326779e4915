import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import {
  createTestDatabase,
  eventually,
  RecordingListener,
  TestDatabase,
  testPlatformConfig,
} from '@crm/testing';
import { CustomerMasterHarness } from '../../apps/customer-master/test/customer-master.harness';

interface OutboxRow {
  topic: string;
  message_key: string;
  envelope: object;
  headers: Record<string, string>;
  published_at: Date | null;
}

async function outboxRows(databaseUrl: string, aggregateId: string): Promise<OutboxRow[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT topic, message_key, envelope, headers, published_at FROM customer_master.outbox_message WHERE message_key = $1`,
      [aggregateId],
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe('outbox and idempotent consumption', () => {
  let listenerDb: TestDatabase;
  let listener: RecordingListener;
  let master: CustomerMasterHarness;

  afterAll(async () => {
    await listener?.stop();
    await master?.stop();
    await listenerDb?.drop();
  });

  it('delivers an event committed before a crash once the service restarts, and applies a redelivery once', async () => {
    // The relay is off: the process "dies" after the commit and before publishing.
    const crashed = await CustomerMasterHarness.start({ env: { OUTBOX_RELAY_ENABLED: 'false' } });
    listenerDb = await createTestDatabase('listener');
    listener = await RecordingListener.start(
      testPlatformConfig({
        DATABASE_URL: listenerDb.url,
        AUTH_JWKS_URL: crashed.tokens.jwksUrl,
        KAFKA_NAMESPACE: crashed.kafkaNamespace,
      }),
    );
    const created = await crashed
      .http()
      .post('/customers')
      .set('Authorization', await crashed.as(['agent']))
      .send({ kind: 'person', name: '孙八', phones: ['13300133000'] })
      .expect(201);
    const customerId: string = created.body.id;
    const [pending] = await outboxRows(crashed.database.url, customerId);
    expect(pending.published_at).toBeNull();
    await crashed.stop({ dropDatabase: false });

    master = await CustomerMasterHarness.start({
      database: crashed.database,
      kafkaNamespace: crashed.kafkaNamespace,
    });
    await eventually(async () => {
      expect((await listener.received()).filter((e) => e.aggregateId === customerId)).toHaveLength(1);
    });
    const [published] = await outboxRows(master.database.url, customerId);
    expect(published.published_at).not.toBeNull();

    // Kafka delivers at least once: send the very same message again.
    const producer = new Kafka({
      brokers: [process.env.TEST_KAFKA_BROKERS as string],
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    await producer.send({
      topic: `${master.kafkaNamespace}${published.topic}`,
      messages: [
        { key: published.message_key, value: JSON.stringify(published.envelope), headers: published.headers },
      ],
    });
    await producer.disconnect();
    const sentinel = await master
      .http()
      .post('/customers')
      .set('Authorization', await master.as(['agent']))
      .send({ kind: 'person', name: '周九', phones: ['13200132000'] })
      .expect(201);

    await eventually(async () => {
      expect((await listener.received()).map((e) => e.aggregateId)).toContain(sentinel.body.id);
    });
    expect((await listener.received()).filter((e) => e.aggregateId === customerId)).toHaveLength(1);
  });
});
