import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the service manager's board names on each row: the customer (kept beside their contacts) and the technician
 * of the ticket's repair, looked up per row by ticket.
 */
export class BoardRowNames1796110000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE service.customer_contact ADD COLUMN name text`);
    await db.query(`CREATE INDEX repair_record_ticket_idx ON service.repair_record (ticket_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX service.repair_record_ticket_idx`);
    await db.query(`ALTER TABLE service.customer_contact DROP COLUMN name`);
  }
}
