import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@crm/testing';
import {
  KafkaTransport,
  messagingTablesDdl,
  outboxBatchesDdl,
  outboxLeaseAndParkingDdl,
  OutboxRelay,
  ParkedOutbox,
} from '@crm/messaging';

const ROOT = resolve(__dirname, '../../..');
const TOPIC = 'crm.parked-test.thing.v1';
const SCHEMAS = ['call_center', 'service'];

/** `npm run outbox -- <args>` against the test database, as an operator runs it. */
async function outboxCommand(databaseUrl: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    resolve(ROOT, 'node_modules/.bin/ts-node'),
    ['--transpile-only', '-r', 'tsconfig-paths/register', 'libs/messaging/scripts/outbox.ts', ...args],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' } },
  );
  return stdout;
}

describe('parked outbox rows (npm run outbox)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('parked_outbox');
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    for (const schema of SCHEMAS) {
      await dataSource.query(`CREATE SCHEMA ${schema}`);
      for (const statement of [
        ...messagingTablesDdl(schema),
        ...outboxLeaseAndParkingDdl(schema),
        ...outboxBatchesDdl(schema),
      ])
        await dataSource.query(statement);
    }
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });
  beforeEach(async () => {
    for (const schema of SCHEMAS) await dataSource.query(`DELETE FROM ${schema}.outbox_message`);
  });

  /** An outbox row in the given state; returns its seq (the id the command takes) and event id. */
  async function add(schema: string, state: 'pending' | 'published' | 'failed') {
    const eventId = randomUUID();
    const [{ seq }] = await dataSource.query(
      `INSERT INTO ${schema}.outbox_message (event_id, topic, message_key, envelope, headers, attempts, last_error,
         published_at, failed_at)
       VALUES ($1, $2, 'aggregate-1', $3, '{}', $4, $5, $6, $7) RETURNING seq::text AS seq`,
      [
        eventId,
        TOPIC,
        JSON.stringify({ id: eventId, type: 'thing.happened' }),
        state === 'pending' ? 0 : 1,
        state === 'failed' ? 'MESSAGE_TOO_LARGE' : null,
        state === 'published' ? new Date() : null,
        state === 'failed' ? new Date() : null,
      ],
    );
    return { id: seq as string, eventId };
  }

  const stateOf = async (schema: string, id: string): Promise<string> =>
    (await dataSource.query(`SELECT state FROM ${schema}.outbox_message WHERE seq = $1`, [id]))[0].state;

  it('lists the parked rows of every service schema, or of one app, and nothing pending or published', async () => {
    const parkedCallCenter = await add('call_center', 'failed');
    const parkedService = await add('service', 'failed');
    const pending = await add('service', 'pending');
    const published = await add('call_center', 'published');

    const all = await outboxCommand(database.url, ['list']);
    expect(all).toContain(parkedCallCenter.eventId);
    expect(all).toContain(parkedService.eventId);
    expect(all).toContain('MESSAGE_TOO_LARGE');
    expect(all).not.toContain(pending.eventId);
    expect(all).not.toContain(published.eventId);

    const parked = await new ParkedOutbox(dataSource, ['call_center']).list();
    expect(parked.map((row) => [row.schema, row.id, row.eventType])).toEqual([
      ['call_center', parkedCallCenter.id, 'thing.happened'],
    ]);
  }, 120_000);

  it("requeues one row of an app's schema, which its relay then publishes", async () => {
    const parked = await add('call_center', 'failed');
    const otherApp = await add('service', 'failed');

    const output = await outboxCommand(database.url, ['--app', 'call-center', 'requeue', parked.id]);
    expect(output).toContain('requeued 1 outbox row(s)');
    expect(await stateOf('call_center', parked.id)).toBe('pending');
    expect(await stateOf('service', otherApp.id)).toBe('failed');

    const transport = new KafkaTransport({
      brokers: [process.env.TEST_KAFKA_BROKERS as string],
      clientId: 'parked-outbox-test',
      namespace: `t${randomBytes(4).toString('hex')}.`,
    });
    try {
      const relay = new OutboxRelay(dataSource, transport, {
        schema: 'call_center',
        pollIntervalMs: 60_000,
        batchSize: 10,
      });
      expect(await relay.flushAll()).toBe(1);
      expect(await stateOf('call_center', parked.id)).toBe('published');
    } finally {
      await transport.close();
    }
  }, 120_000);

  it('requeues every parked row with --all-failed and refuses a bare id when several schemas hold one', async () => {
    const rows = [await add('call_center', 'failed'), await add('service', 'failed')];
    const everywhere = new ParkedOutbox(dataSource, await ParkedOutbox.schemasIn(dataSource));

    await expect(everywhere.requeue([rows[0].id])).rejects.toThrow(/per schema/);
    expect(await everywhere.requeue()).toBe(2);
    expect(await stateOf('call_center', rows[0].id)).toBe('pending');
    expect(await stateOf('service', rows[1].id)).toBe('pending');
    expect(await everywhere.requeue()).toBe(0);
  });
});
