import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measuring a campaign: its holdout share and attribution window, and one row per response of a recipient of each
 * kind (opened, clicked, replied), so a repeated pixel load or a redelivered event counts once (ADR 0032).
 */
export class CampaignTracking1796059000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE campaigns.campaign
        ADD COLUMN holdout_percent smallint NOT NULL DEFAULT 0 CHECK (holdout_percent BETWEEN 0 AND 50),
        ADD COLUMN attribution_days smallint NOT NULL DEFAULT 30 CHECK (attribution_days BETWEEN 1 AND 365)`);
    await db.query(`
      CREATE TABLE campaigns.campaign_response (
        campaign_id uuid NOT NULL REFERENCES campaigns.campaign (id),
        customer_id uuid NOT NULL,
        kind text NOT NULL,
        first_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL,
        times integer NOT NULL DEFAULT 1,
        detail text,
        PRIMARY KEY (campaign_id, customer_id, kind)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE campaigns.campaign_response`);
    await db.query(
      `ALTER TABLE campaigns.campaign DROP COLUMN holdout_percent, DROP COLUMN attribution_days`,
    );
  }
}
