import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workflow rules (ADR 0038): the rules, one firing per (rule, event) or (rule, cron occurrence) made unique here,
 * the tasks a firing creates (one per firing and action), and the recent events a dry run is evaluated against.
 */
export class CreateWorkflowTables1796066000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE integration.workflow_rule (
        rule_id         uuid PRIMARY KEY,
        name            text NOT NULL,
        event_type      text,
        cron            text,
        timezone        text,
        condition       jsonb,
        actions         jsonb NOT NULL,
        enabled         boolean NOT NULL,
        version         integer NOT NULL,
        schedule_cursor timestamptz,
        created_at      timestamptz NOT NULL,
        updated_at      timestamptz NOT NULL,
        CHECK ((event_type IS NULL) <> (cron IS NULL))
      )`);
    await db.query(
      `CREATE INDEX workflow_rule_event_type ON integration.workflow_rule (event_type) WHERE enabled`,
    );
    await db.query(`
      CREATE TABLE integration.workflow_firing (
        firing_id       uuid PRIMARY KEY,
        rule_id         uuid NOT NULL REFERENCES integration.workflow_rule (rule_id),
        rule_version    integer NOT NULL,
        source_key      text NOT NULL,
        input           jsonb NOT NULL,
        actions         jsonb NOT NULL,
        status          text NOT NULL,
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        history         jsonb NOT NULL DEFAULT '[]',
        last_error      text,
        created_at      timestamptz NOT NULL,
        completed_at    timestamptz,
        UNIQUE (rule_id, source_key)
      )`);
    await db.query(
      `CREATE INDEX workflow_firing_due ON integration.workflow_firing (next_attempt_at) WHERE status = 'pending'`,
    );
    await db.query(`
      CREATE TABLE integration.workflow_task (
        task_id          uuid PRIMARY KEY,
        firing_id        uuid NOT NULL REFERENCES integration.workflow_firing (firing_id),
        action_index     integer NOT NULL,
        rule_id          uuid NOT NULL,
        title            text NOT NULL,
        assignee_role    text,
        assignee_user_id text,
        due_at           timestamptz NOT NULL,
        status           text NOT NULL,
        created_at       timestamptz NOT NULL,
        completed_at     timestamptz,
        completed_by     text,
        UNIQUE (firing_id, action_index)
      )`);
    await db.query(
      `CREATE INDEX workflow_task_open ON integration.workflow_task (assignee_role, assignee_user_id) WHERE status = 'open'`,
    );
    await db.query(`
      CREATE TABLE integration.workflow_recent_event (
        event_id    uuid PRIMARY KEY,
        event_type  text NOT NULL,
        received_at timestamptz NOT NULL,
        envelope    jsonb NOT NULL
      )`);
    await db.query(
      `CREATE INDEX workflow_recent_event_type ON integration.workflow_recent_event (event_type, received_at DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['workflow_recent_event', 'workflow_task', 'workflow_firing', 'workflow_rule'])
      await db.query(`DROP TABLE integration.${table}`);
  }
}
