import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The commands workflow actions sent to the services owning a record (add-tag, escalate-ticket; ADR 0043): one per
 * firing and action, written with the command's outbox row, so a retried firing sends none twice.
 */
export class CreateWorkflowCommand1796085000300 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE integration.workflow_command (
        firing_id    uuid NOT NULL REFERENCES integration.workflow_firing (firing_id) ON DELETE CASCADE,
        action_index integer NOT NULL,
        event_id     uuid NOT NULL,
        event_type   text NOT NULL,
        created_at   timestamptz NOT NULL,
        PRIMARY KEY (firing_id, action_index)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE integration.workflow_command`);
  }
}
