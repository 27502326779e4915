import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@crm/testing';
import { allMessagingTablesDdl, BATCH_KEY, eraseFromMessagingTables } from '@crm/messaging';

describe(eraseFromMessagingTables.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const person = randomUUID();
  const other = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase('erasure');
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    await dataSource.query(`CREATE SCHEMA kept`);
    for (const statement of allMessagingTablesDdl('kept')) await dataSource.query(statement);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const envelope = (customerId: string, name: string, note: string) => ({
    id: randomUUID(),
    type: 'customer.updated',
    aggregateId: customerId,
    payload: { customerId, name, phones: ['+8613700001111'], note },
  });

  async function outbox(e: object, published: boolean) {
    await dataSource.query(
      `INSERT INTO kept.outbox_message (event_id, topic, message_key, envelope, headers, published_at)
       VALUES ($1, 'crm.customer.v1', $2, $3, '{}', $4)`,
      [randomUUID(), randomUUID(), JSON.stringify(e), published ? new Date() : null],
    );
  }

  it('overwrites the person’s values in published and unpublished outbox rows and dead letters, only in rows about them', async () => {
    await outbox(envelope(person, '李雷', 'said "call me" on +8613700001111\nthanks'), false);
    await outbox(envelope(person, '李雷', 'x'), true);
    await outbox(envelope(other, '李雷', 'another 李雷, not erased'), true);
    await dataSource.query(
      `INSERT INTO kept.dead_letter (consumer, topic, message_key, message, headers, error, attempts)
       VALUES ('c', 'crm.customer.v1', $1, $2, '{}', 'bad phone +8613700001111', 5)`,
      [person, JSON.stringify(envelope(person, '李雷', 'x'))],
    );

    await dataSource.transaction((tx) =>
      eraseFromMessagingTables(tx, 'kept', {
        ids: [person],
        values: ['李雷', '+8613700001111', 'said "call me" on +8613700001111\nthanks', null, 'x'],
      }),
    );

    const rows: Array<{ envelope: { payload: Record<string, unknown> }; published_at: Date | null }> =
      await dataSource.query(`SELECT envelope, published_at FROM kept.outbox_message ORDER BY seq`);
    expect(rows[0].envelope.payload).toEqual({
      customerId: person,
      name: '[erased]',
      phones: ['[erased]'],
      note: '[erased]',
    });
    expect(rows[0].published_at).toBeNull();
    expect(rows[1].envelope.payload).toMatchObject({ name: '[erased]', phones: ['[erased]'] });
    expect(rows[2].envelope.payload).toMatchObject({ name: '李雷', note: 'another 李雷, not erased' });
    const [letter] = await dataSource.query(`SELECT message, error FROM kept.dead_letter`);
    expect(letter.message).not.toContain('李雷');
    expect(letter.error).toBe('bad phone [erased]');
    expect(JSON.parse(letter.message).payload.customerId).toBe(person);
  });

  it('overwrites them in a batch row only in the events about the person', async () => {
    const event = (customerId: string) => ({
      id: randomUUID(),
      aggregateId: customerId,
      aggregateSequence: 1,
      correlationId: randomUUID(),
      payload: { customerId, name: '韩梅梅' },
    });
    const [seq] = await dataSource.query(
      `INSERT INTO kept.outbox_message (event_id, topic, message_key, envelope, headers, batch)
       VALUES ($1, 'crm.customer.v1', '${BATCH_KEY}', '{"type": "customer.updated"}', '{}', $2) RETURNING seq`,
      [randomUUID(), JSON.stringify([event(other), event(person), event(other)])],
    );

    await dataSource.transaction((tx) =>
      eraseFromMessagingTables(tx, 'kept', { ids: [person], values: ['韩梅梅'] }),
    );

    const [{ batch }] = await dataSource.query(`SELECT batch FROM kept.outbox_message WHERE seq = $1`, [
      seq.seq,
    ]);
    expect(batch.map((e: { payload: { customerId: string; name: string } }) => e.payload)).toEqual([
      { customerId: other, name: '韩梅梅' },
      { customerId: person, name: '[erased]' },
      { customerId: other, name: '韩梅梅' },
    ]);
  });
});
