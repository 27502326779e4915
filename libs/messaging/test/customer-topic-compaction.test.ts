import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { CustomerErased, CustomerRegistered, topicConfigFor, topicFor } from '@crm/contracts';
import { Outbox, OutboxRelay } from '@crm/messaging';
import { describeTopicConfig, eventually, readTopicRecords } from '@crm/testing';
import { ConsumerFixture, envelopeOf, SCHEMA } from './consumer-fixture';

const CUSTOMER_TOPIC = topicFor(CustomerErased);

/** crm.customer.v1 is compacted, and an erasure's tombstone leaves the outbox after its event (ADR 0013). */
describe('the compacted customer topic and its tombstones', () => {
  let fixture: ConsumerFixture;
  let admin: ReturnType<Kafka['admin']>;
  const physical = (topic: string) => `${fixture.namespace}${topic}`;

  beforeAll(async () => {
    fixture = await ConsumerFixture.start('compaction');
    admin = new Kafka({
      brokers: [process.env.TEST_KAFKA_BROKERS as string],
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.disconnect();
    await fixture?.stop();
  });

  it('creates crm.customer.v1 compacted with its declared lags, and its dead letter topic as a plain log', async () => {
    await fixture.transport.ensureTopics([CUSTOMER_TOPIC, `${CUSTOMER_TOPIC}.dlq`]);

    const config = await describeTopicConfig(physical(CUSTOMER_TOPIC));
    expect(config).toMatchObject({
      'cleanup.policy': 'compact',
      'min.compaction.lag.ms': String(7 * 86_400_000),
      'max.compaction.lag.ms': String(8 * 86_400_000),
      'delete.retention.ms': String(86_400_000),
    });
    expect((await describeTopicConfig(physical(`${CUSTOMER_TOPIC}.dlq`)))['cleanup.policy']).toBe('delete');
  });

  it('brings a customer topic created before the declaration to it, keeping what was set by hand', async () => {
    const other = await ConsumerFixture.start('compaction_existing');
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: [
          {
            topic: `${other.namespace}${CUSTOMER_TOPIC}`,
            numPartitions: 1,
            configEntries: [{ name: 'retention.bytes', value: '123456789' }],
          },
        ],
      });
      expect((await describeTopicConfig(`${other.namespace}${CUSTOMER_TOPIC}`))['cleanup.policy']).toBe(
        'delete',
      );

      await other.transport.ensureTopics([CUSTOMER_TOPIC]);

      expect(await describeTopicConfig(`${other.namespace}${CUSTOMER_TOPIC}`)).toMatchObject({
        ...topicConfigFor(CUSTOMER_TOPIC),
        'retention.bytes': '123456789',
      });
    } finally {
      await other.stop();
    }
  });

  it('publishes the tombstone of an erasure after its event, on the same key and partition', async () => {
    const customerId = randomUUID();
    const outbox = new Outbox(SCHEMA);
    const relay = new OutboxRelay(fixture.dataSource, fixture.transport, {
      schema: SCHEMA,
      pollIntervalMs: 60_000,
      // One row per claim: the tombstone must still wait for its event.
      batchSize: 1,
    });
    const registered = envelopeOf(CustomerRegistered, customerId, registeredPayload(customerId));
    const erased = envelopeOf(CustomerErased, customerId, { customerId, erasedAt: new Date().toISOString() });
    await fixture.dataSource.transaction(async (tx) => {
      await outbox.add(tx, registered, erased);
      await outbox.addTombstone(tx, erased);
    });

    expect(await relay.flushAll()).toBe(3);

    const records = (await readTopicRecords(physical(CUSTOMER_TOPIC))).filter((r) => r.key === customerId);
    expect(records.map((r) => (r.value === null ? null : JSON.parse(r.value).type))).toEqual([
      'customer.registered',
      'customer.erased',
      null,
    ]);
    expect(new Set(records.map((r) => r.partition)).size).toBe(1);
    expect(
      await fixture.query(`SELECT state, envelope FROM ${SCHEMA}.outbox_message ORDER BY seq DESC LIMIT 1`),
    ).toEqual([{ state: 'published', envelope: null }]);
  });

  it('loses every earlier record of an erased key once the broker compacts (small lags on a test topic)', async () => {
    const topic = 'crm.compaction-probe.v1';
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: physical(topic),
          numPartitions: 1,
          configEntries: Object.entries({
            ...topicConfigFor(CUSTOMER_TOPIC),
            // Cleanable at once: segments roll after a second, any dirt is worth a pass, no lag.
            'min.compaction.lag.ms': '0',
            'segment.ms': '1000',
            'min.cleanable.dirty.ratio': '0.01',
            'delete.retention.ms': '600000',
          }).map(([name, value]) => ({ name, value })),
        },
      ],
    });
    const [erased, kept] = [randomUUID(), randomUUID()];
    const send = (key: string, value: string | null) =>
      fixture.transport.publish([{ topic, key, value, headers: {} }]);
    for (const version of ['v1', 'v2', 'erased']) await send(erased, JSON.stringify({ version }));
    await send(kept, JSON.stringify({ version: 'v1' }));
    await send(erased, null);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // A later message rolls the segment holding the tombstone, so the cleaner may take it.
    await send(kept, JSON.stringify({ version: 'v2' }));

    await eventually(
      async () => {
        const records = await readTopicRecords(physical(topic));
        expect(records.filter((r) => r.key === erased).map((r) => r.value)).toEqual([null]);
        expect(records.filter((r) => r.key === kept).at(-1)?.value).toBe(JSON.stringify({ version: 'v2' }));
      },
      90_000,
      3_000,
    );
  }, 120_000);
});

function registeredPayload(customerId: string) {
  return {
    customerId,
    kind: 'person',
    name: '孙八',
    namePinyin: 'sun ba',
    phones: ['+8613300133000'],
    emails: [],
    address: null,
    birthday: null,
    gender: null,
    tags: [],
    ownerSalesRepId: null,
    consents: [],
  };
}
