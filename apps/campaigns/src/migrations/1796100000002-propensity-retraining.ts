import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Automatic retraining per objective (ADR 0046): how often to look and how many new responders make a retraining
 * worth it; and each retraining's outcome with the previous model's and the candidate's AUC on the same held-out rows.
 */
export class PropensityRetraining1796100000002 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE campaigns.propensity_retraining (
        objective text PRIMARY KEY,
        enabled boolean NOT NULL,
        every_hours int NOT NULL CHECK (every_hours BETWEEN 1 AND 8760),
        min_new_responses int NOT NULL CHECK (min_new_responses >= 1),
        last_checked_at timestamptz,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE campaigns.propensity_retraining_run (
        id bigserial PRIMARY KEY,
        objective text NOT NULL,
        ran_at timestamptz NOT NULL,
        positives int NOT NULL,
        previous_version int,
        previous_auc double precision,
        candidate_auc double precision NOT NULL,
        adopted_version int
      )`);
    await db.query(
      `CREATE INDEX propensity_retraining_run_objective_idx ON campaigns.propensity_retraining_run (objective, id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE campaigns.propensity_retraining_run`);
    await db.query(`DROP TABLE campaigns.propensity_retraining`);
  }
}
