import { MigrationInterface, QueryRunner } from 'typeorm';
import { aggregateSequenceDdl, aggregateSequenceDownDdl } from '@crm/messaging';

/** The outbox numbers each aggregate's events, so replicas order them without trusting clocks (ADR 0021). */
export class ServiceAggregateSequence1796050000200 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of aggregateSequenceDdl('service')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of aggregateSequenceDownDdl('service')) await db.query(statement);
  }
}
