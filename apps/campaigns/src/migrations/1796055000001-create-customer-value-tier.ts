import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each customer's tier in analytics' customer pyramid, from customer-value.tier-changed (ADR 0027). */
export class CreateCustomerValueTier1796055000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE campaigns.customer_value_tier (
        customer_id uuid PRIMARY KEY,
        tier text NOT NULL,
        computed_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX customer_value_tier_tier_idx ON campaigns.customer_value_tier (tier)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE campaigns.customer_value_tier`);
  }
}
