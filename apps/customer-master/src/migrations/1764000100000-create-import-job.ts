import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateImportJob1764000100000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE customer_master.import_job (
      id uuid PRIMARY KEY,
      status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
      file_name text NOT NULL,
      total_rows integer NOT NULL DEFAULT 0,
      created integer NOT NULL DEFAULT 0,
      duplicates integer NOT NULL DEFAULT 0,
      vehicles_attached integer NOT NULL DEFAULT 0,
      rejected integer NOT NULL DEFAULT 0,
      rejections jsonb NOT NULL DEFAULT '[]',
      error text,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      created_by text NOT NULL
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE customer_master.import_job`);
  }
}
