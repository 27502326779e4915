import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replicas remember the aggregate sequence of the event they hold and keep the highest (ADR 0021); null while
 * they hold state from an event that had none, which any numbered event then replaces.
 */
export class CallCenterReplicaEventSequence1796050000101 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const table of ['customer', 'vehicle', 'partner', 'ticket'])
      await db.query(`ALTER TABLE call_center.${table} ADD COLUMN source_sequence bigint`);
    await db.query(`ALTER TABLE call_center.ticket ADD COLUMN satisfaction_sequence bigint`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE call_center.ticket DROP COLUMN satisfaction_sequence`);
    for (const table of ['customer', 'vehicle', 'partner', 'ticket'])
      await db.query(`ALTER TABLE call_center.${table} DROP COLUMN source_sequence`);
  }
}
