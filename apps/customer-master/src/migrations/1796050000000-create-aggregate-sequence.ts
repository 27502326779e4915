import { MigrationInterface, QueryRunner } from 'typeorm';
import { aggregateSequenceDdl, aggregateSequenceDownDdl } from '@crm/messaging';

/** The outbox numbers each aggregate's events, so replicas order them without trusting clocks (ADR 0021). */
export class CustomerMasterAggregateSequence1796050000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of aggregateSequenceDdl('customer_master')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of aggregateSequenceDownDdl('customer_master')) await db.query(statement);
  }
}
