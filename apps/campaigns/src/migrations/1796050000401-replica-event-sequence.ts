import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replicas remember the aggregate sequence of the event they hold and keep the highest (ADR 0021); null while
 * they hold state from an event that had none, which any numbered event then replaces.
 */
export class CampaignsReplicaEventSequence1796050000401 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const table of ['customer', 'vehicle'])
      await db.query(`ALTER TABLE campaigns.${table} ADD COLUMN source_sequence bigint`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['customer', 'vehicle'])
      await db.query(`ALTER TABLE campaigns.${table} DROP COLUMN source_sequence`);
  }
}
