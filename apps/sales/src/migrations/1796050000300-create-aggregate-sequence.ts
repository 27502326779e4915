import { MigrationInterface, QueryRunner } from 'typeorm';
import { aggregateSequenceDdl, aggregateSequenceDownDdl } from '@crm/messaging';

/** The outbox numbers each aggregate's events, so replicas order them without trusting clocks (ADR 0021). */
export class SalesAggregateSequence1796050000300 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of aggregateSequenceDdl('sales')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of aggregateSequenceDownDdl('sales')) await db.query(statement);
  }
}
