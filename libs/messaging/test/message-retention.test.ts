import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@crm/testing';
import { allMessagingTablesDdl, MessageRetention } from '@crm/messaging';

const NOW = new Date('2026-11-24T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

describe(MessageRetention.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('retention');
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    await dataSource.query(`CREATE SCHEMA kept`);
    for (const statement of allMessagingTablesDdl('kept')) await dataSource.query(statement);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  async function outboxRow(label: string, createdHoursAgo: number, publishedHoursAgo: number | null) {
    await dataSource.query(
      `INSERT INTO kept.outbox_message (event_id, topic, message_key, envelope, headers, created_at, published_at)
       VALUES ($1, 'crm.test.v1', $2, '{}', '{}', $3, $4)`,
      [
        randomUUID(),
        label,
        hoursAgo(createdHoursAgo),
        publishedHoursAgo === null ? null : hoursAgo(publishedHoursAgo),
      ],
    );
  }

  async function processed(consumer: string, hours: number) {
    await dataSource.query(
      `INSERT INTO kept.processed_event (consumer, event_id, processed_at) VALUES ($1, $2, $3)`,
      [consumer, randomUUID(), hoursAgo(hours)],
    );
  }

  it('deletes old published outbox rows and old processed ids, never unpublished rows', async () => {
    await outboxRow('old-published', 300, 299);
    await outboxRow('old-unpublished', 300, null);
    await outboxRow('recent-published', 2, 1);
    await processed('old', 800);
    await processed('recent', 10);

    const purged = await new MessageRetention(dataSource, 'kept', {
      outboxHours: 168,
      inboxHours: 720,
    }).purge(NOW);

    expect(purged).toEqual({ outbox: 1, inbox: 1 });
    const outbox = await dataSource.query(`SELECT message_key FROM kept.outbox_message ORDER BY message_key`);
    expect(outbox.map((row: { message_key: string }) => row.message_key)).toEqual([
      'old-unpublished',
      'recent-published',
    ]);
    const inbox = await dataSource.query(`SELECT consumer FROM kept.processed_event`);
    expect(inbox).toEqual([{ consumer: 'recent' }]);
  });
});
