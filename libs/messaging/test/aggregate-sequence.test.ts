import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { CustomerErased, EventEnvelope, SYSTEM_ACTOR, topicFor, validateEvent } from '@crm/contracts';
import { RandomIdGenerator, SystemClock } from '@crm/core';
import { allMessagingTablesDdl, EventFactory, headersFor, MessageHeaders, Outbox } from '@crm/messaging';
import { createTestDatabase, TestDatabase } from '@crm/testing';

const SCHEMA = 'numbered';
const WRITERS = 24;

function erased(customerId: string) {
  return {
    id: randomUUID(),
    type: CustomerErased.type,
    version: CustomerErased.version,
    occurredAt: new Date().toISOString(),
    producer: 'test',
    aggregateType: CustomerErased.aggregateType,
    aggregateId: customerId,
    correlationId: randomUUID(),
    causationId: null,
    actor: SYSTEM_ACTOR,
    payload: { customerId, erasedAt: new Date().toISOString() },
  };
}

interface NumberedRow {
  sequence: number;
  header: string;
}

describe(`${Outbox.name} numbers each aggregate's events`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const outbox = new Outbox(SCHEMA);

  beforeAll(async () => {
    database = await createTestDatabase('sequence');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      extra: { max: 8 },
    }).initialize();
    await dataSource.query(`CREATE SCHEMA ${SCHEMA}`);
    for (const statement of allMessagingTablesDdl(SCHEMA)) await dataSource.query(statement);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** In the order the relay publishes them (outbox seq). */
  const numbered = (aggregateId: string): Promise<NumberedRow[]> =>
    dataSource.query(
      `SELECT (envelope->>'aggregateSequence')::int AS sequence, headers->>'${MessageHeaders.aggregateSequence}' AS header
         FROM ${SCHEMA}.outbox_message WHERE message_key = $1 ORDER BY seq`,
      [aggregateId],
    );

  /** Each writer holds its transaction open a little after adding, so the writers overlap. */
  const write = (aggregateId: string) =>
    dataSource.transaction(async (tx) => {
      await outbox.add(tx, erased(aggregateId));
      await sleep(Math.random() * 15);
    });

  it('gives concurrent writers of one aggregate 1..N, without gap or duplicate, in publishing order', async () => {
    const one = randomUUID();
    const other = randomUUID();
    await Promise.all([
      ...Array.from({ length: WRITERS }, () => write(one)),
      ...Array.from({ length: WRITERS / 2 }, () => write(other)),
    ]);

    const expected = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ sequence: i + 1, header: String(i + 1) }));
    expect(await numbered(one)).toEqual(expected(WRITERS));
    expect(await numbered(other)).toEqual(expected(WRITERS / 2));
  });

  it('numbers several events added together in order, and leaves no gap for a rolled-back transaction', async () => {
    const customerId = randomUUID();
    await dataSource.transaction((tx) => outbox.add(tx, erased(customerId), erased(customerId)));
    await expect(
      dataSource.transaction(async (tx) => {
        await outbox.add(tx, erased(customerId));
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    await dataSource.transaction((tx) => outbox.add(tx, erased(customerId)));

    expect((await numbered(customerId)).map((row) => row.sequence)).toEqual([1, 2, 3]);
  });

  it('counts per aggregate type as well as id', async () => {
    const sharedId = randomUUID();
    await dataSource.transaction((tx) => outbox.add(tx, erased(sharedId)));
    await dataSource.query(
      `INSERT INTO ${SCHEMA}.aggregate_sequence (aggregate_type, aggregate_id, last_sequence) VALUES ('vehicle', $1, 7)`,
      [sharedId],
    );
    await dataSource.transaction((tx) => outbox.add(tx, erased(sharedId)));

    expect((await numbered(sharedId)).map((row) => row.sequence)).toEqual([1, 2]);
  });

  it('numbers events built in SQL after those added from Node, with the envelope, headers and topic addMany gives', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    await dataSource.transaction((tx) => outbox.add(tx, erased(first)));
    const shared = new EventFactory('test', new SystemClock(), new RandomIdGenerator()).shared(
      CustomerErased,
    );
    const written = await dataSource.transaction((tx) =>
      outbox.addSelected(tx, shared, {
        sql: `SELECT id AS aggregate_id, position, jsonb_build_object('customerId', id, 'erasedAt', $1::text) AS payload
                FROM unnest($2::text[]) WITH ORDINALITY AS a(id, position)`,
        params: [new Date().toISOString(), [first, second, first]],
      }),
    );

    expect(written).toBe(3);
    expect(await numbered(first)).toEqual([1, 2, 3].map((n) => ({ sequence: n, header: String(n) })));
    expect(await numbered(second)).toEqual([{ sequence: 1, header: '1' }]);
    const rows: {
      event_id: string;
      topic: string;
      message_key: string;
      envelope: EventEnvelope;
      headers: object;
    }[] = await dataSource.query(
      `SELECT event_id, topic, message_key, envelope, headers FROM ${SCHEMA}.outbox_message
          WHERE message_key IN ($1, $2) ORDER BY seq OFFSET 1`,
      [first, second],
    );
    expect(rows.map((row) => row.message_key)).toEqual([first, second, first]);
    for (const { event_id, topic, envelope, headers } of rows) {
      expect(validateEvent(envelope)).toEqual(envelope);
      expect(Object.keys(envelope).sort()).toEqual(
        Object.keys({ ...erased(first), aggregateSequence: 1 }).sort(),
      );
      expect(envelope).toMatchObject({ ...shared, correlationId: expect.any(String) });
      expect(headers).toEqual(headersFor(envelope));
      expect([event_id, topic]).toEqual([envelope.id, topicFor(CustomerErased)]);
    }
    // Outside a request each event starts its own correlation, as EventFactory.create gives it.
    expect(new Set(rows.map((row) => row.envelope.correlationId)).size).toBe(3);
  });

  it('numbers one event per aggregate by its next number, and refuses two of one aggregate', async () => {
    const [seen, fresh] = [randomUUID(), randomUUID()];
    await dataSource.transaction((tx) => outbox.add(tx, erased(seen)));
    const shared = new EventFactory('test', new SystemClock(), new RandomIdGenerator()).shared(
      CustomerErased,
    );
    const once = (ids: string[]) =>
      dataSource.transaction((tx) =>
        outbox.addSelected(tx, shared, {
          sql: `SELECT id AS aggregate_id, position, jsonb_build_object('customerId', id, 'erasedAt', $1::text) AS payload
                  FROM unnest($2::text[]) WITH ORDINALITY AS a(id, position)`,
          params: [new Date().toISOString(), ids],
          onePerAggregate: true,
        }),
      );

    expect(await once([fresh, seen])).toBe(2);
    expect(await numbered(seen)).toEqual([1, 2].map((n) => ({ sequence: n, header: String(n) })));
    expect(await numbered(fresh)).toEqual([{ sequence: 1, header: '1' }]);
    const [envelope] = await dataSource.query(
      `SELECT envelope FROM ${SCHEMA}.outbox_message WHERE message_key = $1`,
      [fresh],
    );
    expect(validateEvent(envelope.envelope)).toEqual(envelope.envelope);
    await expect(once([fresh, fresh])).rejects.toThrow(/cannot affect row a second time/);
    expect(await numbered(fresh)).toEqual([{ sequence: 1, header: '1' }]);
  });
});
