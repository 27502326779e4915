import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@crm/contracts';
import { assertSqlIdentifier } from '../sql-identifier';

/**
 * Numbers each aggregate's events 1, 2, 3… in `<schema>.aggregate_sequence` (ADR 0021). The upsert locks the
 * aggregate's row until the transaction ends, so concurrent writers of one aggregate take turns and a rolled-back
 * transaction leaves no gap.
 */
export class AggregateSequences {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${assertSqlIdentifier(schema)}.aggregate_sequence`;
  }

  async next(
    tx: EntityManager,
    event: Pick<EventEnvelope, 'aggregateType' | 'aggregateId'>,
  ): Promise<number> {
    const [row]: { last_sequence: string }[] = await tx.query(
      `INSERT INTO ${this.table} AS held (aggregate_type, aggregate_id, last_sequence) VALUES ($1, $2, 1)
       ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE SET last_sequence = held.last_sequence + 1
       RETURNING last_sequence`,
      [event.aggregateType, event.aggregateId],
    );
    return Number(row.last_sequence);
  }
}
