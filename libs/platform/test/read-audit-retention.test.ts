import { DataSource } from 'typeorm';
import { platformConfigSchema } from '@crm/config';
import { FixedClock } from '@crm/core';
import { readAuditTableDdl, ReadAuditRetention } from '@crm/platform';
import { createTestDatabase, TestDatabase } from '@crm/testing';

const NOW = new Date('2026-11-30T08:00:00Z');
const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

describe(ReadAuditRetention.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('read_audit_retention');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      extra: { max: 4 },
    }).initialize();
    await dataSource.query(`CREATE SCHEMA audited`);
    for (const statement of readAuditTableDdl('audited')) await dataSource.query(statement);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });
  beforeEach(() => dataSource.query(`TRUNCATE audited.read_audit`));

  const read = (action: string, at: Date, count = 1) =>
    dataSource.query(
      `INSERT INTO audited.read_audit (actor_id, roles, action, entity_id, at)
       SELECT 'u1', '{agent}', $1, 'c' || n, $2 FROM generate_series(1, $3) n`,
      [action, at, count],
    );
  const actions = async () =>
    (await dataSource.query(`SELECT DISTINCT action FROM audited.read_audit ORDER BY action`)).map(
      (row: { action: string }) => row.action,
    );

  it('deletes the rows older than the retention by the injected clock and keeps the rest', async () => {
    await read('old', daysAgo(366));
    await read('at-the-edge', daysAgo(364));
    await read('recent', daysAgo(1));
    const clock = new FixedClock(NOW);
    const retention = new ReadAuditRetention(dataSource, 'audited', 365, clock);

    expect(await retention.purge()).toBe(1);
    expect(await actions()).toEqual(['at-the-edge', 'recent']);

    clock.advance(2 * DAY_MS);
    expect(await retention.purge()).toBe(1);
    expect(await actions()).toEqual(['recent']);
  });

  it('lets several instances purge at once: every old row goes exactly once, none waits or fails', async () => {
    await read('old', daysAgo(400), 12_000);
    await read('recent', daysAgo(30), 10);
    const instances = [1, 2, 3].map(
      () => new ReadAuditRetention(dataSource, 'audited', 365, new FixedClock(NOW)),
    );

    const deleted = await Promise.all(instances.map((instance) => instance.purge()));

    expect(deleted.reduce((sum, n) => sum + n, 0)).toBe(12_000);
    expect(await actions()).toEqual(['recent']);
  });

  it('takes the retention in days from the configuration, a year by default', () => {
    expect(platformConfigSchema.parse({}).READ_AUDIT_RETENTION_DAYS).toBe(365);
    expect(platformConfigSchema.parse({ READ_AUDIT_RETENTION_DAYS: '30' }).READ_AUDIT_RETENTION_DAYS).toBe(
      30,
    );
    expect(() => platformConfigSchema.parse({ READ_AUDIT_RETENTION_DAYS: '0' })).toThrow(
      /READ_AUDIT_RETENTION_DAYS/,
    );
  });
});
