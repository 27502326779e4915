import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replicas remember the aggregate sequence of the event they hold and keep the highest (ADR 0021); null while
 * they hold state from an event that had none, which any numbered event then replaces. Customer contacts
 * applied every event as it came until now, so they start remembering its time too.
 */
export class SalesReplicaEventSequence1796050000301 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sales.dealer ADD COLUMN source_sequence bigint`);
    await db.query(
      `ALTER TABLE sales.customer_contact ADD COLUMN source_occurred_at timestamptz, ADD COLUMN source_sequence bigint`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE sales.customer_contact DROP COLUMN source_occurred_at, DROP COLUMN source_sequence`,
    );
    await db.query(`ALTER TABLE sales.dealer DROP COLUMN source_sequence`);
  }
}
