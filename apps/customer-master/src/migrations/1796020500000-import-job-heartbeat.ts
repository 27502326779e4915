import { MigrationInterface, QueryRunner } from 'typeorm';

/** Imports run in the background: a heartbeat tells a live worker from a crashed one, a hash tells the same file. */
export class ImportJobHeartbeat1796020500000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customer_master.import_job ADD COLUMN content_hash text,
      ADD COLUMN heartbeat_at timestamptz`);
    await db.query(`CREATE UNIQUE INDEX import_job_running_content_idx ON customer_master.import_job (content_hash)
      WHERE status = 'running'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX customer_master.import_job_running_content_idx`);
    await db.query(
      `ALTER TABLE customer_master.import_job DROP COLUMN content_hash, DROP COLUMN heartbeat_at`,
    );
  }
}
