import { MigrationInterface, QueryRunner } from 'typeorm';
import { aggregateSequenceDdl, aggregateSequenceDownDdl } from '@crm/messaging';

/** The outbox numbers each aggregate's events, so replicas order them without trusting clocks (ADR 0021). */
export class CampaignsAggregateSequence1796050000400 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const statement of aggregateSequenceDdl('campaigns')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of aggregateSequenceDownDdl('campaigns')) await db.query(statement);
  }
}
