import { MigrationInterface, QueryRunner } from 'typeorm';

/** The replica's copy of the customer's preferred language: it picks a campaign template's variant at send time. */
export class CustomerPreferredLanguage1796062000002 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaigns.customer ADD COLUMN preferred_language text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaigns.customer DROP COLUMN preferred_language`);
  }
}
