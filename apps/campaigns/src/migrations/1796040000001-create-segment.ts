import { MigrationInterface, QueryRunner } from 'typeorm';

/** Segments: a named rule tree (JSON) over the customer replica. */
export class CreateSegment1796040000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE campaigns.segment (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        rule jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX segment_created_at_idx ON campaigns.segment (created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE campaigns.segment`);
  }
}
