import { once } from 'node:events';
import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { CustomerRegistered, CustomerState, EventEnvelope } from '@crm/contracts';
import { EventSubscriber, KafkaTransport, ParkReasons } from '@crm/messaging';
import { eventually } from '@crm/testing';
import { forkServer, stopServer } from '../../../test/bench/bench-process';
import { BATCH_APPLIED_DDL, BATCH_PROBE, recordBatch } from './batch-probe';
import { ConsumerFixture, envelopeOf, PARTITIONS, SCHEMA, topicOf } from './consumer-fixture';

const TOPIC = topicOf(CustomerRegistered);
const BROKERS = () => [process.env.TEST_KAFKA_BROKERS as string];
const PLAIN = 'batch-plain';

const customer = (customerId: string, name: string): CustomerState => ({
  customerId,
  kind: 'person',
  name,
  namePinyin: 'pi liang',
  phones: ['+8613500135000'],
  emails: [],
  address: null,
  birthday: null,
  gender: null,
  tags: [],
  ownerSalesRepId: null,
  consents: [],
});

/** `perKey` events on each of `keys` aggregates, named `<key index>-<n>` in the order they are published. */
function events(keys: number, perKey: number): EventEnvelope[] {
  const aggregates = Array.from({ length: keys }, () => randomUUID());
  return Array.from({ length: keys * perKey }, (_, i) => {
    const key = i % keys;
    return envelopeOf(
      CustomerRegistered,
      aggregates[key],
      customer(aggregates[key], `${key}-${Math.floor(i / keys)}`),
    );
  });
}

const asMessages = (envelopes: EventEnvelope[]) =>
  envelopes.map((envelope) => ({
    topic: TOPIC,
    key: envelope.aggregateId,
    value: JSON.stringify(envelope),
    headers: {},
  }));

async function countOf(fixture: ConsumerFixture, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await fixture.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${sql}`, params);
  return row.count;
}

/** Every aggregate's events were applied in the order they were published. */
async function expectPublishOrder(fixture: ConsumerFixture, published: EventEnvelope[]): Promise<void> {
  const rows = await fixture.query<{ aggregate_id: string; name: string }>(
    `SELECT aggregate_id, name FROM ${SCHEMA}.batch_applied ORDER BY n`,
  );
  const byAggregate = (list: { aggregate_id: string; name: string }[]) => {
    const result = new Map<string, string[]>();
    for (const { aggregate_id, name } of list)
      result.set(aggregate_id, [...(result.get(aggregate_id) ?? []), name]);
    return result;
  };
  const expected = byAggregate(
    published.map((event) => ({
      aggregate_id: event.aggregateId,
      name: (event.payload as CustomerState).name,
    })),
  );
  expect(byAggregate(rows)).toEqual(expected);
}

function register(subscriber: EventSubscriber, fixture: ConsumerFixture): void {
  subscriber.onBatch(BATCH_PROBE, CustomerRegistered, recordBatch(BATCH_PROBE), { maxBatchSize: 50 });
  // A handler that knows nothing of batches, in a group that takes them: applied one by one in the batch's transaction.
  subscriber.on(PLAIN, CustomerRegistered, fixture.recorder(PLAIN));
  subscriber.consumeInBatches(PLAIN, { maxBatchSize: 50 });
}

describe('a consumer group taking its events in batches', () => {
  let fixture: ConsumerFixture;
  let kafka: Kafka;

  beforeAll(async () => {
    fixture = await ConsumerFixture.start('batch-consumer');
    await fixture.query(BATCH_APPLIED_DDL);
    kafka = new Kafka({ brokers: BROKERS(), clientId: 'batch-admin', logLevel: logLevel.NOTHING });
  }, 60_000);

  afterAll(() => fixture?.stop());

  /**
   * Whether each group's committed offsets reached the topic's end: it handled and committed everything. A partition
   * no event was keyed to has nothing to commit (its committed offset stays -1): twelve random keys leave one of three
   * partitions empty about once in forty runs.
   */
  async function committedToEnd(groups: string[]): Promise<boolean> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const topic = `${fixture.namespace}${TOPIC}`;
      const ends = await admin.fetchTopicOffsets(topic);
      for (const group of groups) {
        const [committed] = await admin.fetchOffsets({
          groupId: `${fixture.namespace}crm.consumer.${group}`,
          topics: [topic],
        });
        const byPartition = new Map(committed.partitions.map((p) => [p.partition, Number(p.offset)]));
        const reached = (end: (typeof ends)[number]) =>
          Number(end.high) <= Number(end.low) || (byPartition.get(end.partition) ?? -1) >= Number(end.high);
        if (!ends.every(reached)) return false;
      }
      return true;
    } finally {
      await admin.disconnect();
    }
  }

  it('applies each event once, in order per aggregate, and a redelivered batch changes nothing', async () => {
    const published = events(12, 25);
    // Published before the group joins, so its first fetches hold many events per partition.
    await fixture.transport.publish(asMessages(published));
    const subscriber = fixture.subscriber();
    register(subscriber, fixture);
    await subscriber.start();

    await eventually(
      async () => {
        expect(await countOf(fixture, `${SCHEMA}.batch_applied`)).toBe(published.length);
        expect(await countOf(fixture, `${SCHEMA}.applied WHERE consumer = $1`, [PLAIN])).toBe(
          published.length,
        );
      },
      60_000,
      200,
    );
    const [{ largest }] = await fixture.query<{ largest: number }>(
      `SELECT max(batch_size) AS largest FROM ${SCHEMA}.batch_applied`,
    );
    expect(largest).toBeGreaterThan(1);
    expect(largest).toBeLessThanOrEqual(50);
    await expectPublishOrder(fixture, published);
    await eventually(async () => expect(await committedToEnd([BATCH_PROBE, PLAIN])).toBe(true), 30_000, 500);

    // Every batch again: the groups are moved back to the start and a new member reads it all once more.
    await fixture.transport.stopConsuming();
    const admin = kafka.admin();
    await admin.connect();
    for (const group of [BATCH_PROBE, PLAIN])
      await admin.resetOffsets({
        groupId: `${fixture.namespace}crm.consumer.${group}`,
        topic: `${fixture.namespace}${TOPIC}`,
        earliest: true,
      });
    await admin.disconnect();
    expect(await committedToEnd([BATCH_PROBE])).toBe(false);
    const again = new KafkaTransport({
      brokers: BROKERS(),
      clientId: 'batch-again',
      namespace: fixture.namespace,
      partitions: PARTITIONS,
    });
    const retry = { attempts: 2, initialDelayMs: 10, maxDelayMs: 10 };
    const redelivered = new EventSubscriber('consumer', SCHEMA, fixture.dataSource, again, retry);
    register(redelivered, fixture);
    try {
      await redelivered.start();
      await eventually(
        async () => expect(await committedToEnd([BATCH_PROBE, PLAIN])).toBe(true),
        60_000,
        500,
      );
    } finally {
      await again.close();
    }

    expect(await countOf(fixture, `${SCHEMA}.batch_applied`)).toBe(published.length);
    expect(await countOf(fixture, `(SELECT DISTINCT event_id FROM ${SCHEMA}.batch_applied) d`)).toBe(
      published.length,
    );
    expect(await countOf(fixture, `${SCHEMA}.applied WHERE consumer = $1`, [PLAIN])).toBe(published.length);
    expect(await countOf(fixture, `${SCHEMA}.processed_event WHERE consumer = $1`, [BATCH_PROBE])).toBe(
      published.length,
    );
    expect(await countOf(fixture, `${SCHEMA}.dead_letter`)).toBe(0);
  }, 180_000);
});

describe('a batch with a poison message in the middle', () => {
  let fixture: ConsumerFixture;

  beforeAll(async () => {
    fixture = await ConsumerFixture.start('batch-poison');
    await fixture.query(BATCH_APPLIED_DDL);
  }, 60_000);

  afterAll(() => fixture?.stop());

  it('parks the bad ones and applies every other event, in order, and keeps consuming', async () => {
    const key = randomUUID(); // one key: one partition, in this order
    const named = (name: string) => envelopeOf(CustomerRegistered, key, customer(key, name));
    const before = Array.from({ length: 10 }, (_, i) => named(`before-${i}`));
    const after = Array.from({ length: 10 }, (_, i) => named(`after-${i}`));
    const poison = named('poison');
    await fixture.transport.ensureTopics([TOPIC]);
    await fixture.sendRaw(TOPIC, [
      ...before.map((event) => ({ key, value: JSON.stringify(event) })),
      { key, value: 'not json at all' },
      { key, value: JSON.stringify(poison) },
      ...after.map((event) => ({ key, value: JSON.stringify(event) })),
    ]);
    const subscriber = fixture.subscriber();
    subscriber.onBatch(BATCH_PROBE, CustomerRegistered, recordBatch(BATCH_PROBE), { maxBatchSize: 100 });
    await subscriber.start();

    await eventually(
      async () => expect(await countOf(fixture, `${SCHEMA}.batch_applied`)).toBe(20),
      60_000,
      200,
    );
    await expectPublishOrder(fixture, [...before, ...after]);
    const parked = await fixture.query<{ reason: string; event_id: string | null }>(
      `SELECT reason, event_id FROM ${SCHEMA}.dead_letter ORDER BY kafka_offset::bigint`,
    );
    expect(parked).toEqual([
      { reason: ParkReasons.notJson, event_id: null },
      { reason: ParkReasons.handlerFailed, event_id: poison.id },
    ]);

    const later = named('later');
    await fixture.transport.publish(asMessages([later]));
    await eventually(
      async () => expect(await countOf(fixture, `${SCHEMA}.batch_applied`)).toBe(21),
      30_000,
      200,
    );
    expect(await countOf(fixture, `${SCHEMA}.batch_applied WHERE event_id = $1`, [poison.id])).toBe(0);
  }, 120_000);
});

describe('a batch consumer killed with SIGKILL mid-batch, then restarted', () => {
  let fixture: ConsumerFixture;
  const consumers: ChildProcess[] = [];

  const startConsumer = async () => {
    const child = forkServer(join(__dirname, 'batch-consumer.process.ts'), {
      DATABASE_URL: fixture.database.url,
      KAFKA_BROKERS: BROKERS()[0],
      KAFKA_NAMESPACE: fixture.namespace,
    });
    consumers.push(child);
    const [started] = await Promise.race([once(child, 'message'), once(child, 'exit')]);
    if (!started?.ready) throw new Error('the consumer process stopped before it was ready');
    return child;
  };

  beforeAll(async () => {
    fixture = await ConsumerFixture.start('batch-kill');
    await fixture.query(BATCH_APPLIED_DDL);
  }, 60_000);

  afterAll(async () => {
    for (const child of consumers) await stopServer(child);
    await fixture?.stop();
  });

  it('loses and duplicates nothing', async () => {
    const published = events(30, 100);
    await fixture.transport.publish(asMessages(published));
    const applied = () => countOf(fixture, `${SCHEMA}.batch_applied`);

    const first = await startConsumer();
    // A forked consumer compiles its TypeScript on start: slow on a busy machine.
    await eventually(async () => expect(await applied()).toBeGreaterThanOrEqual(150), 120_000, 20);
    first.kill('SIGKILL');
    await once(first, 'exit');
    const atKill = await applied();
    expect(atKill).toBeLessThan(published.length);

    await startConsumer();
    await eventually(async () => expect(await applied()).toBe(published.length), 180_000, 500);
    expect(await countOf(fixture, `(SELECT DISTINCT event_id FROM ${SCHEMA}.batch_applied) d`)).toBe(
      published.length,
    );
    expect(await countOf(fixture, `${SCHEMA}.processed_event WHERE consumer = $1`, [BATCH_PROBE])).toBe(
      published.length,
    );
    await expectPublishOrder(fixture, published);
  }, 400_000);
});

describe('consumers that read a topic together (ADR 0062)', () => {
  let fixture: ConsumerFixture;
  let kafka: Kafka;
  const [TOGETHER, FIRST, SECOND] = ['together', 'together-first', 'together-second'];
  const group = `${TOGETHER}.${TOPIC}`;

  beforeAll(async () => {
    fixture = await ConsumerFixture.start('batch-together');
    await fixture.query(BATCH_APPLIED_DDL);
    kafka = new Kafka({ brokers: BROKERS(), clientId: 'together-admin', logLevel: logLevel.NOTHING });
  }, 60_000);

  afterAll(() => fixture?.stop());

  it('reads each event once through one group, applies it to both in one transaction, parks a poison for both', async () => {
    const published = events(6, 10);
    const key = randomUUID();
    const poison = envelopeOf(CustomerRegistered, key, customer(key, 'poison'));
    await fixture.transport.publish(asMessages([...published.slice(0, 30), poison, ...published.slice(30)]));
    const subscriber = fixture.subscriber();
    subscriber.onBatch(FIRST, CustomerRegistered, recordBatch(FIRST));
    subscriber.on(SECOND, CustomerRegistered, fixture.recorder(SECOND));
    subscriber.readTogether(TOGETHER, [FIRST, SECOND]);
    await subscriber.start();

    await eventually(
      async () => {
        expect(await countOf(fixture, `${SCHEMA}.batch_applied`)).toBe(published.length);
        expect(await countOf(fixture, `${SCHEMA}.applied WHERE consumer = $1`, [SECOND])).toBe(
          published.length,
        );
        expect(await countOf(fixture, `${SCHEMA}.dead_letter`)).toBe(1);
      },
      60_000,
      200,
    );
    await expectPublishOrder(fixture, published);
    expect(
      await fixture.query(
        `SELECT consumer, count(*)::int AS count FROM ${SCHEMA}.processed_event GROUP BY 1`,
      ),
    ).toEqual([{ consumer: group, count: published.length }]);
    // The first consumer failed the poison event: the second's work on it was rolled back with it.
    expect(await countOf(fixture, `${SCHEMA}.applied WHERE event_id = $1`, [poison.id])).toBe(0);
    expect(await fixture.query(`SELECT consumer, reason, event_id FROM ${SCHEMA}.dead_letter`)).toEqual([
      { consumer: group, reason: ParkReasons.handlerFailed, event_id: poison.id },
    ]);
    const admin = kafka.admin();
    await admin.connect();
    const { groups } = await admin.listGroups();
    await admin.disconnect();
    expect(groups.map((g) => g.groupId).filter((id) => id.startsWith(fixture.namespace))).toEqual([
      `${fixture.namespace}crm.consumer.${group}`,
    ]);
  }, 120_000);

  it('refuses a consumer named in two sets', () => {
    const subscriber = fixture.subscriber();
    subscriber.readTogether('one', [FIRST, SECOND]);
    expect(() => subscriber.readTogether('two', [SECOND])).toThrow(/together-second already read together/);
  });
});
