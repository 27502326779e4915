import { MigrationInterface, QueryRunner } from 'typeorm';

/** Replicas remember the occurredAt of the event they hold, so an older (replayed or late) event never overwrites it. */
export class CallCenterReplicaEventOrder1766000310000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const table of ['vehicle', 'partner'])
      await db.query(`ALTER TABLE call_center.${table} ADD COLUMN source_occurred_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['vehicle', 'partner'])
      await db.query(`ALTER TABLE call_center.${table} DROP COLUMN source_occurred_at`);
  }
}
