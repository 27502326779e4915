import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each customer's website browsing profile from web-tracking's browsing-profile.changed (ADR 0044), for the
 * `browsedModel` and `browsingInterest` segment rules. A withdrawn profile keeps its row, empty, so the event number
 * it held turns older events away (ADR 0021).
 */
export class CreateBrowsingProfileReplica1796090300000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE campaigns.browsing_profile (
        customer_id uuid PRIMARY KEY,
        models text[] NOT NULL,
        interests text[] NOT NULL,
        visits integer NOT NULL,
        last_visit_at timestamptz,
        source_occurred_at timestamptz NOT NULL,
        source_sequence bigint
      )`);
    await db.query(
      `CREATE INDEX browsing_profile_models_idx ON campaigns.browsing_profile USING gin (models)`,
    );
    await db.query(
      `CREATE INDEX browsing_profile_interests_idx ON campaigns.browsing_profile USING gin (interests)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE campaigns.browsing_profile`);
  }
}
