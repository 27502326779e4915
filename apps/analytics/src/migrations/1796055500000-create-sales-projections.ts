import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sales projections (ADR 0026 rules): one fact row per opportunity and one quota row per rep and month.
 * The summary columns take the latest event's values (by occurredAt, event id), the outcome the latest
 * won or lost event's, the opening time the earliest; so a row does not depend on the order events arrive in.
 */
export class CreateSalesProjections1796055500000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics.opportunity_fact (
        opportunity_id uuid PRIMARY KEY,
        owner_id text NOT NULL,
        dealer_id uuid,
        stage text NOT NULL,
        probability smallint NOT NULL,
        amount numeric(14, 2),
        currency text,
        summary_at timestamptz NOT NULL,
        summary_event_id uuid NOT NULL,
        opened_at timestamptz,
        outcome text,
        closed_at timestamptz,
        won_amount numeric(14, 2),
        cycle_days integer,
        outcome_at timestamptz,
        outcome_event_id uuid,
        last_event_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX opportunity_fact_closed_idx ON analytics.opportunity_fact (closed_at)`);
    await db.query(
      `CREATE INDEX opportunity_fact_open_idx ON analytics.opportunity_fact (stage) WHERE outcome IS NULL`,
    );
    await db.query(
      `CREATE INDEX opportunity_fact_last_event_idx ON analytics.opportunity_fact (last_event_at)`,
    );
    await db.query(`
      CREATE TABLE analytics.sales_quota (
        user_id text NOT NULL,
        month text NOT NULL,
        revenue numeric(14, 2) NOT NULL,
        set_at timestamptz NOT NULL,
        set_event_id uuid NOT NULL,
        PRIMARY KEY (user_id, month)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['sales_quota', 'opportunity_fact']) await db.query(`DROP TABLE analytics.${table}`);
  }
}
