import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxBatchesDdl, outboxBatchesDownDdl } from '@crm/messaging';

/** An outbox row may carry a batch of events, which the relay publishes one message each (ADR 0063). */
export class CallCenterOutboxBatches1796270030000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of outboxBatchesDdl('call_center')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of outboxBatchesDownDdl('call_center')) await db.query(statement);
  }
}
