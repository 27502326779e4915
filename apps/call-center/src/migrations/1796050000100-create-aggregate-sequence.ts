import { MigrationInterface, QueryRunner } from 'typeorm';
import { aggregateSequenceDdl, aggregateSequenceDownDdl } from '@crm/messaging';

/** The outbox numbers each aggregate's events, so replicas order them without trusting clocks (ADR 0021). */
export class CallCenterAggregateSequence1796050000100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of aggregateSequenceDdl('call_center')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of aggregateSequenceDownDdl('call_center')) await db.query(statement);
  }
}
