import { MigrationInterface, QueryRunner } from 'typeorm';

/** Workflow firings' retention (ADR 0043) deletes finished firings by completion time. */
export class IndexFinishedWorkflowFirings1796085000100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX workflow_firing_finished ON integration.workflow_firing (completed_at) WHERE status <> 'pending'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX integration.workflow_firing_finished`);
  }
}
