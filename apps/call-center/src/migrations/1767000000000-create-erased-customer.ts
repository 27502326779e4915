import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tombstones: an erased customer's id, so a late ticket, repair or vehicle event does not bring them back. */
export class CreateCallCenterErasedCustomer1767000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE call_center.erased_customer (
      customer_id uuid PRIMARY KEY,
      erased_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE call_center.erased_customer`);
  }
}
