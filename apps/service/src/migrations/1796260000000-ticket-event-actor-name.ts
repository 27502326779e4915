import { MigrationInterface, QueryRunner } from 'typeorm';

/** A user's name beside each step they did, as their token gave it (the service app keeps no users; ADR 0057). */
export class TicketEventActorName1796260000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE service.ticket_event ADD COLUMN actor_name text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE service.ticket_event DROP COLUMN actor_name`);
  }
}
