import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service visits known before the touchpoint table: each customer's last one, keyed by the customer's id as its
 * source (the repair's id was not kept). The repair's own event, when replayed, replaces it (ADR 0046).
 */
export class BackfillServiceTouchpoints1796100000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      INSERT INTO campaigns.customer_touchpoint (kind, source_id, customer_id, occurred_at)
      SELECT 'service_visit', customer_id, customer_id, last_service_at FROM campaigns.customer_service
       WHERE last_service_at IS NOT NULL
      ON CONFLICT DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DELETE FROM campaigns.customer_touchpoint WHERE kind = 'service_visit' AND source_id = customer_id`,
    );
  }
}
