import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each customer's website browsing profile from web-tracking's browsing-profile.changed, for the 360 (ADR 0044).
 * A withdrawn profile keeps its row with nothing in it, so the event number it held turns older events away.
 */
export class CreateBrowsingProfile1796090200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE call_center.browsing_profile (
        customer_id uuid PRIMARY KEY,
        models text[],
        interests text[],
        visits integer,
        last_visit_at timestamptz,
        source_occurred_at timestamptz NOT NULL,
        source_sequence bigint
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE call_center.browsing_profile`);
  }
}
