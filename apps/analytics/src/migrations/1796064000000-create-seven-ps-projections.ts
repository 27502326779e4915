import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Seven Ps reports' projections (ADR 0036), rebuilt by a replay like the others: an order's lines (product
 * revenue), leads (captured, converted), campaigns (their send totals) and campaign unsubscribes; vehicles gain
 * their owner (the model a customer owns). A merged-away customer's id stays mapped to its survivor across
 * rebuilds, as an erased one's stays erased (the topics keep events about the merged id).
 */
export class CreateSevenPsProjections1796064000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics.order_line (
        order_id uuid NOT NULL,
        line_no int NOT NULL,
        model text NOT NULL,
        quantity int NOT NULL,
        line_total numeric(14, 2) NOT NULL,
        event_at timestamptz NOT NULL,
        event_id uuid NOT NULL,
        PRIMARY KEY (order_id, line_no)
      )`);
    await db.query(`CREATE INDEX order_fact_placed_at_idx ON analytics.order_fact (placed_at)`);
    await db.query(`
      CREATE TABLE analytics.lead_fact (
        lead_id uuid PRIMARY KEY,
        source text NOT NULL,
        customer_id uuid,
        partner_id uuid,
        campaign_id uuid,
        captured_at timestamptz,
        converted_at timestamptz,
        event_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX lead_fact_captured_idx ON analytics.lead_fact (captured_at)`);
    await db.query(`CREATE INDEX lead_fact_customer_idx ON analytics.lead_fact (customer_id)`);
    await db.query(`
      CREATE TABLE analytics.campaign_fact (
        campaign_id uuid PRIMARY KEY,
        name text,
        channel text NOT NULL,
        send_at timestamptz,
        sent_at timestamptz,
        sent int,
        failed int,
        skipped int,
        event_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE analytics.campaign_unsubscribe (
        event_id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL,
        customer_id uuid,
        unsubscribed_at timestamptz NOT NULL,
        event_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX campaign_unsubscribe_customer_idx ON analytics.campaign_unsubscribe (customer_id)`,
    );
    await db.query(`ALTER TABLE analytics.vehicle_model ADD COLUMN owner_customer_id uuid`);
    await db.query(`CREATE INDEX vehicle_model_owner_idx ON analytics.vehicle_model (owner_customer_id)`);
    await db.query(`
      CREATE TABLE analytics.merged_customer (
        merged_id uuid PRIMARY KEY,
        survivor_id uuid NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE analytics.merged_customer`);
    await db.query(`ALTER TABLE analytics.vehicle_model DROP COLUMN owner_customer_id`);
    for (const table of ['campaign_unsubscribe', 'campaign_fact', 'lead_fact', 'order_line'])
      await db.query(`DROP TABLE analytics.${table}`);
    await db.query(`DROP INDEX analytics.order_fact_placed_at_idx`);
  }
}
