import { MigrationInterface, QueryRunner } from 'typeorm';

/** The clocks of the tickets that exist already, by the rules of slaClockOf (sla/sla-clock.ts). */
export class BackfillServiceSlaClock1796030600100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`INSERT INTO service.sla_clock (ticket_id, response_due_at, resolution_due_at)
      SELECT id, response, resolution FROM (
        SELECT id,
          CASE WHEN status = 'routed' AND response_breached_at IS NULL THEN response_due_at END AS response,
          CASE WHEN status NOT IN ('resolved', 'closed') AND resolution_breached_at IS NULL
            THEN resolution_due_at END AS resolution
        FROM service.ticket
      ) clocks
      WHERE response IS NOT NULL OR resolution IS NOT NULL
      ON CONFLICT (ticket_id) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM service.sla_clock`);
  }
}
