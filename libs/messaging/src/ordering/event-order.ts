import { EventEnvelope } from '@crm/contracts';
import { assertSqlIdentifier } from '../sql-identifier';

/** Where an event stands in its aggregate's history, as a replica stores it next to the state it applied. */
export interface EventOrder {
  /** Null for events written before producers numbered them (ADR 0021). */
  sequence: number | null;
  occurredAt: string;
}

export function eventOrderOf(event: Pick<EventEnvelope, 'aggregateSequence' | 'occurredAt'>): EventOrder {
  return { sequence: event.aggregateSequence ?? null, occurredAt: event.occurredAt };
}

/** SQL expressions (columns, or parameters cast to bigint and timestamptz) for one side of the comparison. */
export interface EventOrderSql {
  sequence: string;
  occurredAt: string;
}

/**
 * The one "newer wins" rule of every replica (ADR 0021), as a SQL condition true when `incoming` should replace
 * what is `held`: a numbered event beats the held one when its number is higher (the same number is the same
 * event delivered again: a no-op); a numbered event always beats an unnumbered one, never the reverse; two
 * unnumbered events compare by occurredAt, the later or equal one winning as before numbering; nothing held
 * (no row, or a row no event wrote) is always replaced.
 */
export function incomingEventIsNewerSql(incoming: EventOrderSql, held: EventOrderSql): string {
  return `(CASE
    WHEN ${incoming.sequence} IS NOT NULL THEN ${held.sequence} IS NULL OR ${incoming.sequence} > ${held.sequence}
    WHEN ${held.sequence} IS NOT NULL THEN false
    ELSE ${held.occurredAt} IS NULL OR ${incoming.occurredAt} >= ${held.occurredAt}
  END)`;
}

/**
 * For `INSERT … ON CONFLICT … DO UPDATE SET … WHERE <this>`: the proposed row (EXCLUDED) comes from a newer
 * event than the row `table` holds; `columns` name where the table keeps the applied event's order.
 */
export function excludedEventIsNewerSql(table: string, columns: EventOrderSql): string {
  const held = table.split('.').map(assertSqlIdentifier).join('.');
  const sequence = assertSqlIdentifier(columns.sequence);
  const occurredAt = assertSqlIdentifier(columns.occurredAt);
  return incomingEventIsNewerSql(
    { sequence: `EXCLUDED.${sequence}`, occurredAt: `EXCLUDED.${occurredAt}` },
    { sequence: `${held}.${sequence}`, occurredAt: `${held}.${occurredAt}` },
  );
}
