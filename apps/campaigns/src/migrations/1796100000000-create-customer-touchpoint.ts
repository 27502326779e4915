import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each dated contact of a customer that counts as a conversion besides an order (ADR 0046): a service visit (one row
 * per repair), a sales lead and a test drive. Keyed by the source's id, so a redelivered event adds nothing. A lead
 * captured before it matched a customer waits with no customer until its conversion names one.
 */
export class CreateCustomerTouchpoint1796100000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE campaigns.customer_touchpoint (
        kind text NOT NULL CHECK (kind IN ('service_visit', 'lead', 'test_drive')),
        source_id uuid NOT NULL,
        customer_id uuid,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (kind, source_id)
      )`);
    await db.query(
      `CREATE INDEX customer_touchpoint_customer_idx ON campaigns.customer_touchpoint (customer_id, occurred_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE campaigns.customer_touchpoint`);
  }
}
