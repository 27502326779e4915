import { MigrationInterface, QueryRunner } from 'typeorm';

/** Leads are also matched on the customer's name without case, spaces or punctuation. */
export class IndexCustomerContactNameKey1796030410000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX customer_contact_name_key_idx ON sales.customer_contact
      ((lower(regexp_replace(name, '[[:space:][:punct:]]', '', 'g'))))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX sales.customer_contact_name_key_idx`);
  }
}
