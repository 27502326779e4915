import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For the 360: each customer's value tier from analytics' customer-value.tier-changed, and the customer's sales
 * opportunities from sales' opportunity events (open while neither won nor lost). Each row is updated only by a
 * newer event of its aggregate (ADR 0021).
 */
export class CreateValueTierAndOpportunity1796170000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE call_center.customer_value_tier (
        customer_id        uuid PRIMARY KEY,
        tier               text NOT NULL,
        value              numeric NOT NULL,
        currency           text NOT NULL,
        computed_at        timestamptz NOT NULL,
        source_occurred_at timestamptz NOT NULL,
        source_sequence    bigint
      )`);
    await db.query(`
      CREATE TABLE call_center.opportunity (
        opportunity_id      uuid PRIMARY KEY,
        customer_id         uuid NOT NULL,
        name                text NOT NULL,
        stage               text NOT NULL,
        probability         integer NOT NULL,
        amount              numeric,
        currency            text,
        expected_close_date date,
        owner_id            text NOT NULL,
        outcome             text,
        changed_at          timestamptz NOT NULL,
        source_occurred_at  timestamptz NOT NULL,
        source_sequence     bigint
      )`);
    await db.query(`CREATE INDEX opportunity_customer ON call_center.opportunity (customer_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['opportunity', 'customer_value_tier'])
      await db.query(`DROP TABLE call_center.${table}`);
  }
}
