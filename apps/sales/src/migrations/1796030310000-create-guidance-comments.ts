import { MigrationInterface, QueryRunner } from 'typeorm';

/** Managers' guidance on a lead, opportunity or activity below them, and the owner's replies. */
export class CreateGuidanceComments1796030310000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sales.guidance_comment (
        id uuid PRIMARY KEY,
        record_type text NOT NULL CHECK (record_type IN ('lead', 'opportunity', 'activity')),
        record_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('guidance', 'reply')),
        author_id text NOT NULL,
        author_name text,
        body text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX guidance_comment_record_idx ON sales.guidance_comment (record_type, record_id, created_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sales.guidance_comment`);
  }
}
