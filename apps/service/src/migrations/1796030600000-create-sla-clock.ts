import { MigrationInterface, QueryRunner } from 'typeorm';

/** The SLA concern's own clocks, kept from the ticket steps, instead of scanning the ticket table. */
export class CreateServiceSlaClock1796030600000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE service.sla_clock (
      ticket_id uuid PRIMARY KEY REFERENCES service.ticket (id) ON DELETE CASCADE,
      response_due_at timestamptz,
      resolution_due_at timestamptz
    )`);
    await db.query(
      `CREATE INDEX sla_clock_response_due_idx ON service.sla_clock (response_due_at) WHERE response_due_at IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX sla_clock_resolution_due_idx ON service.sla_clock (resolution_due_at) WHERE resolution_due_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE service.sla_clock`);
  }
}
