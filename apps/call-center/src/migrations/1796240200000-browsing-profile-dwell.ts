import { MigrationInterface, QueryRunner } from 'typeorm';

/** The browsing profile's visible time, total and per model, for the 360 (ADR 0055); null from older events. */
export class BrowsingProfileDwell1796240200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE call_center.browsing_profile ADD COLUMN dwell_seconds integer, ADD COLUMN model_dwell jsonb`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE call_center.browsing_profile DROP COLUMN dwell_seconds, DROP COLUMN model_dwell`,
    );
  }
}
