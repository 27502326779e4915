import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a person or a workflow rule escalated a ticket (ADR 0043); SLA breaches keep their own columns. */
export class TicketEscalatedAt1796085000400 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE service.ticket ADD COLUMN escalated_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE service.ticket DROP COLUMN escalated_at`);
  }
}
