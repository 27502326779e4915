import { MigrationInterface, QueryRunner } from 'typeorm';

/** The 360 names the agent who took each call and shows the customer's rating of each ticket. */
export class NameAgentsAndKeepRatings1796031000000 implements MigrationInterface {
  name = 'NameAgentsAndKeepRatings1796031000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE call_center.interaction ADD COLUMN agent_name text`);
    await q.query(`CREATE INDEX interaction_complaint_ticket ON call_center.interaction (ticket_id)
      WHERE kind = 'complaint'`);
    await q.query(`ALTER TABLE call_center.ticket
      ADD COLUMN satisfaction_score smallint CHECK (satisfaction_score BETWEEN 1 AND 5),
      ADD COLUMN satisfaction_comment text,
      ADD COLUMN satisfaction_recorded_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE call_center.ticket DROP COLUMN satisfaction_score,
      DROP COLUMN satisfaction_comment, DROP COLUMN satisfaction_recorded_at`);
    await q.query(`DROP INDEX call_center.interaction_complaint_ticket`);
    await q.query(`ALTER TABLE call_center.interaction DROP COLUMN agent_name`);
  }
}
