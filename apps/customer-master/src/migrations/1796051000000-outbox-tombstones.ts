import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTombstonesDdl, outboxTombstonesDownDdl } from '@crm/messaging';

/** An erasure ends with a tombstone for the customer's key on crm.customer.v1, through the outbox (ADR 0013). */
export class CustomerMasterOutboxTombstones1796051000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of outboxTombstonesDdl('customer_master')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of outboxTombstonesDownDdl('customer_master')) await db.query(statement);
  }
}
