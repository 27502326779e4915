import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replicas remember the aggregate sequence of the event they hold and keep the highest (ADR 0021); null while
 * they hold state from an event that had none, which any numbered event then replaces. Customer vehicles
 * applied every event as it came until now, so they start remembering its time too.
 */
export class ServiceReplicaEventSequence1796050000201 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const table of ['station', 'customer_contact', 'customer_location'])
      await db.query(`ALTER TABLE service.${table} ADD COLUMN source_sequence bigint`);
    await db.query(
      `ALTER TABLE service.customer_vehicle ADD COLUMN source_occurred_at timestamptz, ADD COLUMN source_sequence bigint`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE service.customer_vehicle DROP COLUMN source_occurred_at, DROP COLUMN source_sequence`,
    );
    for (const table of ['station', 'customer_contact', 'customer_location'])
      await db.query(`ALTER TABLE service.${table} DROP COLUMN source_sequence`);
  }
}
