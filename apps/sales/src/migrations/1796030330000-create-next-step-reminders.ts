import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per activity whose next step was reminded: the primary key is what makes a reminder fire once, whichever
 * scheduler instance gets there first. The partial index finds the next steps still waiting to fall due.
 */
export class CreateNextStepReminders1796030330000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sales.next_step_reminder (
        activity_id uuid PRIMARY KEY REFERENCES sales.activity (id),
        reminded_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX activity_next_step_due_idx ON sales.activity (next_step_due) WHERE next_step_due IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX sales.activity_next_step_due_idx`);
    await db.query(`DROP TABLE sales.next_step_reminder`);
  }
}
