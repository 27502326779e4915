import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each campaign's objective (existing campaigns take the default, service-reminder) and optional targeting by
 * propensity score; the propensity models trained per objective, versioned, the latest in use (ADR 0033).
 */
export class CampaignObjectiveAndPropensityModel1796060000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE campaigns.campaign
        ADD COLUMN objective text NOT NULL DEFAULT 'service-reminder',
        ADD COLUMN targeting jsonb`);
    await db.query(`CREATE INDEX campaign_objective_idx ON campaigns.campaign (objective)`);
    await db.query(`
      CREATE TABLE campaigns.propensity_model (
        objective text NOT NULL,
        version integer NOT NULL,
        features text[] NOT NULL,
        intercept float8 NOT NULL,
        weights float8[] NOT NULL,
        means float8[] NOT NULL,
        stds float8[] NOT NULL,
        auc float8 NOT NULL,
        train_count integer NOT NULL,
        held_out_count integer NOT NULL,
        positives integer NOT NULL,
        negatives integer NOT NULL,
        trained_by text NOT NULL,
        trained_at timestamptz NOT NULL,
        PRIMARY KEY (objective, version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE campaigns.propensity_model`);
    await db.query(`ALTER TABLE campaigns.campaign DROP COLUMN objective, DROP COLUMN targeting`);
  }
}
