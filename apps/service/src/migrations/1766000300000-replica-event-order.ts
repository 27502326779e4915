import { MigrationInterface, QueryRunner } from 'typeorm';

/** Replicas remember the occurredAt of the event they hold, so an older (replayed or late) event never overwrites it. */
export class ServiceReplicaEventOrder1766000300000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const table of ['station', 'customer_location', 'customer_contact'])
      await db.query(`ALTER TABLE service.${table} ADD COLUMN source_occurred_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['station', 'customer_location', 'customer_contact'])
      await db.query(`ALTER TABLE service.${table} DROP COLUMN source_occurred_at`);
  }
}
