import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders and paid repairs a DMS cancelled (ADR 0054), by their CRM id. Outlives every rebuild like the erased ids: a
 * cancellation that arrives before its order, or is replayed before it, still keeps the order out of value.
 */
export class CreateCancelledPurchase1796230000100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics.cancelled_purchase (
        purchase_id  uuid PRIMARY KEY,
        cancelled_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE analytics.cancelled_purchase`);
  }
}
