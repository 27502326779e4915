import { MigrationInterface, QueryRunner } from 'typeorm';

/** The order replica keeps the aggregate sequence of the event it holds, like the others (ADR 0021). */
export class OrderReplicaEventSequence1796053500002 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaigns.customer_order ADD COLUMN source_sequence bigint`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaigns.customer_order DROP COLUMN source_sequence`);
  }
}
