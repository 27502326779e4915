import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns, the recipients each one froze at its send time (one row per campaign step and customer: the idempotency
 * key of the send), and the opt-outs their unsubscribe links recorded.
 */
export class CreateCampaign1796053000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE campaigns.campaign (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        channel text NOT NULL,
        segment_id uuid NOT NULL REFERENCES campaigns.segment (id),
        template jsonb NOT NULL,
        send_at timestamptz,
        status text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        frozen_at timestamptz,
        sent_at timestamptz
      )`);
    await db.query(`CREATE INDEX campaign_created_at_idx ON campaigns.campaign (created_at DESC)`);
    await db.query(
      `CREATE INDEX campaign_due_idx ON campaigns.campaign (send_at) WHERE status IN ('scheduled', 'sending')`,
    );
    await db.query(`
      CREATE TABLE campaigns.campaign_recipient (
        campaign_id uuid NOT NULL REFERENCES campaigns.campaign (id),
        step smallint NOT NULL,
        customer_id uuid NOT NULL,
        status text NOT NULL,
        skip_reason text,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error text,
        sent_at timestamptz,
        PRIMARY KEY (campaign_id, step, customer_id)
      )`);
    await db.query(
      `CREATE INDEX campaign_recipient_due_idx ON campaigns.campaign_recipient (next_attempt_at)
        WHERE status IN ('queued', 'sending')`,
    );
    await db.query(`
      CREATE TABLE campaigns.unsubscription (
        campaign_id uuid NOT NULL REFERENCES campaigns.campaign (id),
        customer_id uuid NOT NULL,
        channel text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (campaign_id, customer_id, channel)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['unsubscription', 'campaign_recipient', 'campaign'])
      await db.query(`DROP TABLE campaigns.${table}`);
  }
}
