import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tombstones: an erased customer's id, so a replayed customer event does not bring their contact details back. */
export class CreateSalesErasedCustomer1796030500001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE sales.erased_customer (
      customer_id uuid PRIMARY KEY,
      erased_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sales.erased_customer`);
  }
}
