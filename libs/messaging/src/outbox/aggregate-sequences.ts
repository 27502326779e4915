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

  /**
   * `nextMany` as a data-modifying CTE, for events built in SQL: takes each aggregate's `taken` numbers for the
   * `(aggregate_id, taken)` rows of the CTE `counted`, all of the type in `typeParam`, and returns
   * `(aggregate_id, last_sequence)`; locked in the same sorted order as `nextMany`.
   */
  takeSql(counted: string, typeParam: string): string {
    return `INSERT INTO ${this.table} AS held (aggregate_type, aggregate_id, last_sequence)
      SELECT ${typeParam}, aggregate_id, taken FROM ${counted} ORDER BY aggregate_id
      ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE SET last_sequence = held.last_sequence + EXCLUDED.last_sequence
      RETURNING aggregate_id, last_sequence`;
  }

  async next(
    tx: EntityManager,
    event: Pick<EventEnvelope, 'aggregateType' | 'aggregateId'>,
  ): Promise<number> {
    const [number] = await this.nextMany(tx, [event]);
    return number;
  }

  /**
   * The numbers of `events`, in their order, from one upsert: an aggregate with k events here takes its next k
   * numbers. Aggregates are locked in one sorted order, so two writers of the same aggregates cannot deadlock here.
   */
  async nextMany(
    tx: EntityManager,
    events: Pick<EventEnvelope, 'aggregateType' | 'aggregateId'>[],
  ): Promise<number[]> {
    const counts = new Map<string, { type: string; id: string; count: number }>();
    for (const { aggregateType: type, aggregateId: id } of events) {
      const key = JSON.stringify([type, id]);
      const entry = counts.get(key) ?? { type, id, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
    const entries = [...counts.values()];
    const rows: { aggregate_type: string; aggregate_id: string; last_sequence: string }[] = await tx.query(
      `INSERT INTO ${this.table} AS held (aggregate_type, aggregate_id, last_sequence)
       SELECT t, i, n FROM unnest($1::text[], $2::text[], $3::int[]) AS a(t, i, n) ORDER BY t, i
       ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE SET last_sequence = held.last_sequence + EXCLUDED.last_sequence
       RETURNING aggregate_type, aggregate_id, last_sequence`,
      [entries.map((e) => e.type), entries.map((e) => e.id), entries.map((e) => e.count)],
    );
    // The first number each aggregate hands out here: its last one minus what it took, plus one.
    const next = new Map<string, number>();
    for (const row of rows) {
      const key = JSON.stringify([row.aggregate_type, row.aggregate_id]);
      next.set(key, Number(row.last_sequence) - (counts.get(key)?.count ?? 0) + 1);
    }
    return events.map(({ aggregateType, aggregateId }) => {
      const key = JSON.stringify([aggregateType, aggregateId]);
      const number = next.get(key) as number;
      next.set(key, number + 1);
      return number;
    });
  }
}
