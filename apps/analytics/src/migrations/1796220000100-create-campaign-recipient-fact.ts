import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per campaign.recipient-settled (ADR 0053): what a recipient of a campaign step did in their attribution
 * window, treated or held out, so the promotion report gives response, conversion and lift by segment. Keyed by the
 * event id; the customer id follows merges and is cleared by an erasure like the other facts'.
 */
export class CreateCampaignRecipientFact1796220000100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics.campaign_recipient_fact (
        event_id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL,
        step smallint NOT NULL,
        channel text NOT NULL,
        customer_id uuid,
        grp text NOT NULL CHECK (grp IN ('treated', 'holdout')),
        delivered boolean NOT NULL,
        opened boolean NOT NULL,
        clicked boolean NOT NULL,
        responded boolean NOT NULL,
        converted boolean NOT NULL,
        conversion_kind text,
        conversion_amount numeric(14, 2),
        window_closed_at timestamptz NOT NULL,
        settled_at timestamptz NOT NULL,
        event_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX campaign_recipient_fact_campaign_idx ON analytics.campaign_recipient_fact (campaign_id)`,
    );
    await db.query(
      `CREATE INDEX campaign_recipient_fact_customer_idx ON analytics.campaign_recipient_fact (customer_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE analytics.campaign_recipient_fact`);
  }
}
