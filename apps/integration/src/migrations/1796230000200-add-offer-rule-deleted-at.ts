import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deleted offer rule (ADR 0054): gone from the API and from evaluation, its row kept because the offers it granted
 * name it.
 */
export class AddOfferRuleDeletedAt1796230000200 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE integration.offer_rule ADD COLUMN deleted_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE integration.offer_rule DROP COLUMN deleted_at`);
  }
}
