import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the owned-model and purchase-date rules ask of a customer's vehicles, kept on the customer row (ADR 0060):
 * the distinct models and the purchase days. Empty until the backfill; indexed after it.
 */
export class CustomerOwnedVehicleSummary1796270020000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE campaigns.customer
        ADD COLUMN owned_models text[] NOT NULL DEFAULT '{}',
        ADD COLUMN purchase_dates datemultirange NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaigns.customer DROP COLUMN owned_models, DROP COLUMN purchase_dates`);
  }
}
