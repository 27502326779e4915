import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer value (ADR 0027). Projections (rebuilt by a replay): one row per order and per paid repair (the latest event about it wins), and the
 * customers' profile. Not projections: the erased customers' ids, which outlive a rebuild (the order topic
 * still holds an erased person's orders after the customer topic has compacted their erasure away), and the
 * value each recompute writes, whose tier is what the next recompute compares against.
 */
export class CreateCustomerValue1796055000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics.order_fact (
        order_id uuid PRIMARY KEY,
        customer_id uuid,
        dealer_id uuid,
        amount numeric(14, 2) NOT NULL,
        currency char(3) NOT NULL,
        models text[] NOT NULL,
        placed_at timestamptz NOT NULL,
        event_at timestamptz NOT NULL,
        event_id uuid NOT NULL
      )`);
    await db.query(`CREATE INDEX order_fact_customer_idx ON analytics.order_fact (customer_id, placed_at)`);
    await db.query(`CREATE INDEX order_fact_event_at_idx ON analytics.order_fact (event_at)`);
    await db.query(`
      CREATE TABLE analytics.repair_fact (
        repair_id uuid PRIMARY KEY,
        customer_id uuid,
        station_id uuid NOT NULL,
        amount numeric(14, 2) NOT NULL,
        currency char(3) NOT NULL,
        repaired_at timestamptz NOT NULL,
        event_at timestamptz NOT NULL,
        event_id uuid NOT NULL
      )`);
    await db.query(
      `CREATE INDEX repair_fact_customer_idx ON analytics.repair_fact (customer_id, repaired_at)`,
    );
    await db.query(`CREATE INDEX repair_fact_event_at_idx ON analytics.repair_fact (event_at)`);
    await db.query(`
      CREATE TABLE analytics.value_customer (
        customer_id uuid PRIMARY KEY,
        province text,
        city text,
        birthday date,
        registered_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE TABLE analytics.erased_customer (customer_id uuid PRIMARY KEY)`);
    await db.query(`
      CREATE TABLE analytics.customer_value (
        customer_id uuid PRIMARY KEY,
        purchases int NOT NULL,
        value numeric(14, 2) NOT NULL,
        lifetime_revenue numeric(14, 2) NOT NULL,
        average_order_value numeric(14, 2) NOT NULL,
        first_purchase_at timestamptz NOT NULL,
        last_purchase_at timestamptz NOT NULL,
        recency_score smallint NOT NULL,
        frequency_score smallint NOT NULL,
        monetary_score smallint NOT NULL,
        segment text NOT NULL,
        potential_value numeric(14, 2) NOT NULL,
        churn_ratio float8 NOT NULL,
        churn_risk text NOT NULL,
        clv numeric(14, 2) NOT NULL,
        tier text NOT NULL,
        tier_since timestamptz NOT NULL,
        window_from timestamptz NOT NULL,
        computed_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX customer_value_tier_idx ON analytics.customer_value (tier, value DESC, customer_id)`,
    );
    await db.query(
      `CREATE INDEX customer_value_segment_idx ON analytics.customer_value (segment, value DESC, customer_id)`,
    );
    // The last recompute: when, over which window, and the newest purchase event it saw.
    await db.query(`
      CREATE TABLE analytics.customer_value_run (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        computed_at timestamptz NOT NULL,
        window_from timestamptz NOT NULL,
        newest_event_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'customer_value_run',
      'customer_value',
      'erased_customer',
      'value_customer',
      'repair_fact',
      'order_fact',
    ])
      await db.query(`DROP TABLE analytics.${table}`);
  }
}
