import { MigrationInterface, QueryRunner } from 'typeorm';

/** The default pipeline every opportunity lands in unless another is named (stages in the backfill below). */
export const DEFAULT_PIPELINE_ID = '00000000-0000-4000-8000-000000005a1e';

/**
 * The sales team tree, leads, pipelines and their stages, opportunities with their stage history,
 * activities, and the replica of customer contacts leads are matched against.
 */
export class CreateSalesTables1796017000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sales.sales_user (
        user_id text PRIMARY KEY,
        name text NOT NULL,
        manager_id text REFERENCES sales.sales_user (user_id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (manager_id IS NULL OR manager_id <> user_id)
      )`);
    await db.query(`CREATE INDEX sales_user_manager_idx ON sales.sales_user (manager_id)`);

    await db.query(`
      CREATE TABLE sales.customer_contact (
        customer_id uuid PRIMARY KEY,
        name text NOT NULL,
        phones text[] NOT NULL DEFAULT '{}',
        emails text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX customer_contact_phones_idx ON sales.customer_contact USING gin (phones)`);
    await db.query(`CREATE INDEX customer_contact_emails_idx ON sales.customer_contact USING gin (emails)`);

    await db.query(`
      CREATE TABLE sales.lead (
        id uuid PRIMARY KEY,
        source text NOT NULL,
        status text NOT NULL,
        name text NOT NULL,
        phone text,
        email text,
        customer_id uuid,
        owner_id text,
        partner_id uuid,
        score integer NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 100),
        interest_model text,
        budget_amount numeric(14, 2),
        budget_currency char(3),
        timeframe text,
        campaign_id uuid,
        notes text,
        opportunity_id uuid,
        captured_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX lead_owner_idx ON sales.lead (owner_id, created_at DESC)`);
    await db.query(`CREATE INDEX lead_partner_idx ON sales.lead (partner_id, created_at DESC)`);
    await db.query(`CREATE INDEX lead_customer_idx ON sales.lead (customer_id)`);

    await db.query(`
      CREATE TABLE sales.pipeline (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX pipeline_one_default_idx ON sales.pipeline (is_default) WHERE is_default`,
    );
    await db.query(`
      CREATE TABLE sales.pipeline_stage (
        pipeline_id uuid NOT NULL REFERENCES sales.pipeline (id) ON DELETE CASCADE,
        key text NOT NULL,
        name text NOT NULL,
        position integer NOT NULL,
        probability integer NOT NULL CHECK (probability BETWEEN 0 AND 100),
        outcome text NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'won', 'lost')),
        PRIMARY KEY (pipeline_id, key)
      )`);

    await db.query(`
      CREATE TABLE sales.opportunity (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        pipeline_id uuid NOT NULL REFERENCES sales.pipeline (id),
        stage text NOT NULL,
        probability integer NOT NULL,
        amount numeric(14, 2),
        currency char(3) NOT NULL DEFAULT 'CNY',
        expected_close_date date,
        customer_id uuid,
        lead_id uuid REFERENCES sales.lead (id),
        owner_id text NOT NULL,
        partner_id uuid,
        close_reason text,
        closed_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        FOREIGN KEY (pipeline_id, stage) REFERENCES sales.pipeline_stage (pipeline_id, key)
      )`);
    await db.query(`CREATE INDEX opportunity_owner_idx ON sales.opportunity (owner_id, expected_close_date)`);
    await db.query(`CREATE INDEX opportunity_partner_idx ON sales.opportunity (partner_id)`);
    await db.query(`CREATE UNIQUE INDEX opportunity_lead_idx ON sales.opportunity (lead_id)`);
    await db.query(`
      CREATE TABLE sales.opportunity_stage_history (
        id bigserial PRIMARY KEY,
        opportunity_id uuid NOT NULL REFERENCES sales.opportunity (id),
        from_stage text,
        to_stage text NOT NULL,
        probability integer NOT NULL,
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX opportunity_stage_history_idx ON sales.opportunity_stage_history (opportunity_id, id)`,
    );

    await db.query(`
      CREATE TABLE sales.activity (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        subject text NOT NULL,
        discussed text NOT NULL,
        next_step text,
        next_step_due date,
        occurred_at timestamptz NOT NULL,
        customer_id uuid,
        lead_id uuid REFERENCES sales.lead (id),
        opportunity_id uuid REFERENCES sales.opportunity (id),
        owner_id text NOT NULL,
        partner_id uuid,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX activity_owner_idx ON sales.activity (owner_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX activity_partner_idx ON sales.activity (partner_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX activity_opportunity_idx ON sales.activity (opportunity_id)`);
    await db.query(`CREATE INDEX activity_lead_idx ON sales.activity (lead_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'activity',
      'opportunity_stage_history',
      'opportunity',
      'pipeline_stage',
      'pipeline',
      'lead',
      'customer_contact',
      'sales_user',
    ])
      await db.query(`DROP TABLE sales.${table}`);
  }
}
