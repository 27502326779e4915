import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Idempotency-Key a customer was registered under, per registering scope (a partner, or staff): a
 * registration sent again with the same key answers the customer made the first time.
 */
export class CustomerRegistrationKey1796250000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE customer_master.customer_registration_key (
         scope text NOT NULL,
         key text NOT NULL,
         customer_id uuid NOT NULL REFERENCES customer_master.customer (id),
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (scope, key)
       )`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE customer_master.customer_registration_key`);
  }
}
