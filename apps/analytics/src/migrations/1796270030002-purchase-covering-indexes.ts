import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The indexes by customer, on the live tables whatever a rebuild named them (LIKE … INCLUDING ALL). The new ones are
 * named by PostgreSQL: after a rebuild the old name may still belong to the replaced table's index.
 */
const BY_CUSTOMER = [
  { table: 'order_fact', at: 'placed_at' },
  { table: 'repair_fact', at: 'repaired_at' },
];

/**
 * The purchases by customer also carry amount and currency, so the value recompute reads them in customer order
 * from the index alone (ADR 0063) instead of hashing ten million rows into a million buyers. Builds each index
 * anew: a migration window on a large table.
 */
export class PurchaseCoveringIndexes1796270030002 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const { table, at } of BY_CUSTOMER) {
      await this.dropByCustomer(db, table, at);
      await db.query(`CREATE INDEX ON analytics.${table} (customer_id, ${at}) INCLUDE (amount, currency)`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { table, at } of BY_CUSTOMER) {
      await this.dropByCustomer(db, table, at);
      await db.query(`CREATE INDEX ON analytics.${table} (customer_id, ${at})`);
    }
  }

  private async dropByCustomer(db: QueryRunner, table: string, at: string): Promise<void> {
    const indexes: { name: string }[] = await db.query(
      `SELECT indexname AS name FROM pg_indexes
        WHERE schemaname = 'analytics' AND tablename = $1 AND indexdef LIKE $2`,
      [table, `%(customer_id, ${at})%`],
    );
    for (const { name } of indexes) await db.query(`DROP INDEX analytics."${name}"`);
  }
}
