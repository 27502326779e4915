import { MigrationInterface, QueryRunner } from 'typeorm';

/** The language a customer's messages are written in (zh-CN or en); null while not known, which means Chinese. */
export class CustomerPreferredLanguage1796062000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE customer_master.customer
         ADD COLUMN preferred_language text CHECK (preferred_language IN ('zh-CN', 'en'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customer_master.customer DROP COLUMN preferred_language`);
  }
}
