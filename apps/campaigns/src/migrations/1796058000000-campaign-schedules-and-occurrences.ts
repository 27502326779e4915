import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring and triggered campaigns: a schedule on the campaign, and one row per run (occurrence) holding the step
 * its recipients are frozen under, so each customer gets one message per occurrence however often it is retried.
 */
export class CampaignSchedulesAndOccurrences1796058000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaigns.campaign ADD COLUMN schedule jsonb`);
    await db.query(`
      CREATE TABLE campaigns.campaign_occurrence (
        campaign_id uuid NOT NULL REFERENCES campaigns.campaign (id),
        occurrence text NOT NULL,
        step smallint NOT NULL,
        frozen_at timestamptz NOT NULL,
        PRIMARY KEY (campaign_id, occurrence),
        UNIQUE (campaign_id, step)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE campaigns.campaign_occurrence`);
    await db.query(`ALTER TABLE campaigns.campaign DROP COLUMN schedule`);
  }
}
