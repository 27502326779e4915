import { migrateDatabase } from '@crm/persistence';
import { createTestDatabase, TestDatabase, withClient } from '@crm/testing';
import { ANALYTICS_SERVICE } from '../src/analytics.constants';
import { analyticsMigrations } from '../src/migrations';
import { PurchaseCoveringIndexes1796270030002 } from '../src/migrations/1796270030002-purchase-covering-indexes';

const indexesOf = (url: string, table: string): Promise<string[]> =>
  withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = 'analytics' AND tablename = $1 AND indexdef LIKE '%customer_id%'`,
      [table],
    );
    return rows.map((row) => (row.indexdef as string).replace(/^.* USING btree /, ''));
  });

describe(PurchaseCoveringIndexes1796270030002.name, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('purchase_indexes');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('covers the live purchase tables after a rebuild swapped them, whatever their indexes were named', async () => {
    const before = analyticsMigrations.filter((m) => m !== PurchaseCoveringIndexes1796270030002);
    await migrateDatabase({ service: ANALYTICS_SERVICE, databaseUrl: database.url, migrations: before });
    // What a rebuild's swap leaves (projection-rebuild.ts): fresh copies live, the replaced tables kept as _old.
    await withClient(database.url, async (client) => {
      for (const table of ['order_fact', 'repair_fact']) {
        await client.query(`CREATE TABLE analytics.${table}_r1 (LIKE analytics.${table} INCLUDING ALL)`);
        await client.query(`ALTER TABLE analytics.${table} RENAME TO ${table}_old`);
        await client.query(`ALTER TABLE analytics.${table}_r1 RENAME TO ${table}`);
      }
    });

    await migrateDatabase({
      service: ANALYTICS_SERVICE,
      databaseUrl: database.url,
      migrations: analyticsMigrations,
    });

    expect(await indexesOf(database.url, 'order_fact')).toEqual([
      '(customer_id, placed_at) INCLUDE (amount, currency)',
    ]);
    expect(await indexesOf(database.url, 'repair_fact')).toEqual([
      '(customer_id, repaired_at) INCLUDE (amount, currency)',
    ]);
    expect(await indexesOf(database.url, 'order_fact_old')).toEqual(['(customer_id, placed_at)']);
  });
});
