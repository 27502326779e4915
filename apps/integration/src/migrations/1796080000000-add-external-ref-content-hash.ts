import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hash of what a source last sent for a record (ADR 0042): a DMS order, invoice, payment or repair sent again
 * unchanged changes nothing, sent with other data it is published again. Null for mappings that keep no content
 * (customers, vehicle sales).
 */
export class AddExternalRefContentHash1796080000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE integration.external_ref ADD COLUMN content_hash text`);
    await db.query(`ALTER TABLE integration.external_ref ADD COLUMN updated_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE integration.external_ref DROP COLUMN content_hash, DROP COLUMN updated_at`);
  }
}
