import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { CustomerErased, EventEnvelope, SYSTEM_ACTOR, topicFor, validateEvent } from '@crm/contracts';
import { RandomIdGenerator, SystemClock } from '@crm/core';
import {
  allMessagingTablesDdl,
  EventFactory,
  headersFor,
  MessageHeaders,
  messagesOf,
  Outbox,
  OUTBOX_BATCH,
  OutboxRow,
} from '@crm/messaging';
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

interface PublishedEvent {
  topic: string;
  key: string;
  envelope: EventEnvelope;
  headers: Record<string, string>;
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

  /** Every event as the relay publishes it (one per event of a batch row), in publishing order. */
  const published = async (): Promise<PublishedEvent[]> => {
    const rows: OutboxRow[] = await dataSource.query(
      `SELECT seq, topic, message_key, envelope, headers, batch FROM ${SCHEMA}.outbox_message ORDER BY seq`,
    );
    return rows.flatMap(messagesOf).map(({ topic, key, value, headers }) => ({
      topic,
      key,
      envelope: JSON.parse(String(value)),
      headers,
    }));
  };

  const numbered = async (aggregateId: string): Promise<NumberedRow[]> =>
    (await published())
      .filter((event) => event.key === aggregateId)
      .map(({ envelope, headers }) => ({
        sequence: envelope.aggregateSequence as number,
        header: headers[MessageHeaders.aggregateSequence],
      }));

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
    const events = (await published())
      .filter((event) => event.key === first || event.key === second)
      .slice(1);
    expect(events.map((event) => event.key)).toEqual([first, second, first]);
    for (const { topic, envelope, headers } of events) {
      expect(validateEvent(envelope)).toEqual(envelope);
      expect(Object.keys(envelope).sort()).toEqual(
        Object.keys({ ...erased(first), aggregateSequence: 1 }).sort(),
      );
      expect(envelope).toMatchObject({ ...shared, correlationId: expect.any(String) });
      expect(headers).toEqual(headersFor(envelope));
      expect(topic).toBe(topicFor(CustomerErased));
    }
    // Outside a request each event starts its own correlation, as EventFactory.create gives it.
    expect(new Set(events.map((event) => event.envelope.correlationId)).size).toBe(3);
  });

  it("numbers every event of a run with the run's number, without taking the aggregates' own", async () => {
    const [seen, fresh] = [randomUUID(), randomUUID()];
    await dataSource.transaction((tx) => outbox.add(tx, erased(seen)));
    const shared = new EventFactory('test', new SystemClock(), new RandomIdGenerator()).shared(
      CustomerErased,
    );
    const written = await dataSource.transaction((tx) =>
      outbox.addSelected(tx, shared, {
        sql: `SELECT id AS aggregate_id, position, json_build_object('customerId', id, 'erasedAt', $1::text) AS payload
                FROM unnest($2::text[]) WITH ORDINALITY AS a(id, position)`,
        params: [new Date().toISOString(), [fresh, seen]],
        runSequence: 40,
      }),
    );

    expect(written).toBe(2);
    expect(await numbered(seen)).toEqual([1, 40].map((n) => ({ sequence: n, header: String(n) })));
    expect(await numbered(fresh)).toEqual([{ sequence: 40, header: '40' }]);
    const [{ envelope }] = (await published()).filter((event) => event.key === fresh);
    expect(validateEvent(envelope)).toEqual(envelope);
    const held = await dataSource.query(
      `SELECT aggregate_id, last_sequence::int FROM ${SCHEMA}.aggregate_sequence WHERE aggregate_id IN ($1, $2)`,
      [seen, fresh],
    );
    expect(held).toEqual([{ aggregate_id: seen, last_sequence: 1 }]);
  });

  it(`stores events built in SQL ${OUTBOX_BATCH} to a row, published one message each in their order`, async () => {
    const shared = new EventFactory('test', new SystemClock(), new RandomIdGenerator()).shared(
      CustomerErased,
    );
    const ids = Array.from({ length: OUTBOX_BATCH * 2 + 500 }, () => randomUUID());
    const rowsBefore = await rowCount();
    const written = await dataSource.transaction((tx) =>
      outbox.addSelected(tx, shared, {
        // Positions in the reverse order of the ids, so the publishing order is not the source's.
        sql: `SELECT id AS aggregate_id, $3::int + 1 - position AS position,
                jsonb_build_object('customerId', id, 'erasedAt', $1::text) AS payload
                FROM unnest($2::text[]) WITH ORDINALITY AS a(id, position)`,
        params: [new Date().toISOString(), ids, ids.length],
        runSequence: 1,
      }),
    );

    expect(written).toBe(ids.length);
    expect((await rowCount()) - rowsBefore).toBe(3);
    const events = (await published()).slice(-ids.length);
    expect(events.map((event) => event.key)).toEqual([...ids].reverse());
    expect(new Set(events.map((event) => event.envelope.id)).size).toBe(ids.length);
    for (const { envelope, headers } of events) expect(headers).toEqual(headersFor(envelope));
  });

  const rowCount = async (): Promise<number> => {
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM ${SCHEMA}.outbox_message`);
    return count;
  };
});
