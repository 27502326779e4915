import { MigrationInterface, QueryRunner } from 'typeorm';

/** The profile last published keeps its dwell totals, to tell whether a recompute says anything new (ADR 0055). */
export class BrowsingProfileDwell1796240100000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE web_tracking.browsing_profile ADD COLUMN dwell_seconds integer, ADD COLUMN model_dwell jsonb`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE web_tracking.browsing_profile DROP COLUMN dwell_seconds, DROP COLUMN model_dwell`,
    );
  }
}
