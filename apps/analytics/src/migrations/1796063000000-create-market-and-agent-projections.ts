import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The market view's, the forecast accuracy's and the agent KPIs' projections (ADR 0035), rebuilt by a
 * replay like the others: orders with their rep and their models, sales forecasts per person and month
 * (latest adjustment wins), call-center contacts and complaints per agent. A customer id is kept only to
 * tell a repeat contact (first-contact resolution); an erased person's is null.
 */
export class CreateMarketAndAgentProjections1796063000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics.market_order (
        order_id uuid PRIMARY KEY,
        owner_id text NOT NULL,
        dealer_id uuid,
        amount numeric(14, 2) NOT NULL,
        currency char(3) NOT NULL,
        placed_at timestamptz NOT NULL,
        event_at timestamptz NOT NULL,
        event_id uuid NOT NULL
      )`);
    await db.query(`CREATE INDEX market_order_placed_idx ON analytics.market_order (placed_at)`);
    await db.query(`
      CREATE TABLE analytics.market_order_model (
        order_id uuid NOT NULL,
        model text NOT NULL,
        quantity int NOT NULL,
        amount numeric(14, 2) NOT NULL,
        PRIMARY KEY (order_id, model)
      )`);
    await db.query(`
      CREATE TABLE analytics.sales_forecast (
        level text NOT NULL,
        user_id text NOT NULL,
        month text NOT NULL,
        amount numeric(14, 2) NOT NULL,
        manager_id text,
        adjusted_at timestamptz NOT NULL,
        event_id uuid NOT NULL,
        PRIMARY KEY (level, user_id, month)
      )`);
    await db.query(`
      CREATE TABLE analytics.agent_interaction (
        interaction_id uuid PRIMARY KEY,
        agent_id text NOT NULL,
        customer_id uuid,
        channel text NOT NULL,
        direction text NOT NULL,
        duration_seconds int,
        occurred_at timestamptz NOT NULL,
        event_at timestamptz NOT NULL,
        event_id uuid NOT NULL
      )`);
    await db.query(
      `CREATE INDEX agent_interaction_agent_idx ON analytics.agent_interaction (agent_id, occurred_at)`,
    );
    await db.query(
      `CREATE INDEX agent_interaction_customer_idx ON analytics.agent_interaction (customer_id, occurred_at)`,
    );
    await db.query(`
      CREATE TABLE analytics.agent_complaint (
        interaction_id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL,
        agent_id text NOT NULL,
        recorded_at timestamptz NOT NULL,
        event_id uuid NOT NULL
      )`);
    await db.query(
      `CREATE INDEX agent_complaint_agent_idx ON analytics.agent_complaint (agent_id, recorded_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'agent_complaint',
      'agent_interaction',
      'sales_forecast',
      'market_order_model',
      'market_order',
    ])
      await db.query(`DROP TABLE analytics.${table}`);
  }
}
