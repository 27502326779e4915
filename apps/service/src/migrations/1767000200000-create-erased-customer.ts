import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tombstones: an erased customer's id, so a replayed customer or vehicle event does not bring their data back. */
export class CreateServiceErasedCustomer1767000200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE service.erased_customer (
      customer_id uuid PRIMARY KEY,
      erased_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE service.erased_customer`);
  }
}
