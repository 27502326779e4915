import { EntityManager } from 'typeorm';
import { assertSqlIdentifier } from '../sql-identifier';

export const ERASED_TEXT = '[erased]';

export interface PersonalTraces {
  /** Ids that mark a message as being about the person: their customer id, tickets, vehicles. */
  ids: string[];
  /** The person's values to overwrite wherever they appear in such a message (name, phones, VINs, free text). */
  values: Array<string | null | undefined>;
}

/** Single characters are never searched for; longer values only inside rows about the person (a 2-character name is common). */
const MIN_VALUE_LENGTH = 2;

/**
 * Erasure reaches the messaging tables: every outbox row (published or not), event of a batch row and dead letter
 * about the person has their values overwritten in place. Unpublished rows keep their shape, so they still go out, scrubbed.
 */
export async function eraseFromMessagingTables(
  tx: EntityManager,
  schema: string,
  traces: PersonalTraces,
): Promise<void> {
  const s = assertSqlIdentifier(schema);
  const ids = [...new Set(traces.ids)];
  const values = [
    ...new Set(traces.values.filter((v): v is string => !!v && v.trim().length >= MIN_VALUE_LENGTH)),
  ]
    // Longest first: a full description is replaced before a phone number inside it.
    .sort((a, b) => b.length - a.length)
    .flatMap((v) => [...new Set([JSON.stringify(v).slice(1, -1), v])]);
  if (ids.length === 0 || values.length === 0) return;
  const about = (column: string) =>
    `EXISTS (SELECT 1 FROM unnest($1::text[]) id WHERE strpos(${column}, id) > 0)`;
  for (const value of values) {
    await tx.query(
      `UPDATE ${s}.outbox_message SET envelope = replace(envelope::text, $2, $3)::jsonb
        WHERE ${about('envelope::text')} AND strpos(envelope::text, $2) > 0`,
      [ids, value, ERASED_TEXT],
    );
    // A batch row (ADR 0063): only its events about the person.
    await tx.query(
      `UPDATE ${s}.outbox_message SET batch = (
         SELECT json_agg(CASE WHEN ${about('event::text')} THEN replace(event::text, $2, $3)::json ELSE event END
           ORDER BY n)
         FROM json_array_elements(batch) WITH ORDINALITY AS e(event, n))
        WHERE batch IS NOT NULL AND ${about('batch::text')} AND strpos(batch::text, $2) > 0`,
      [ids, value, ERASED_TEXT],
    );
    await tx.query(
      `UPDATE ${s}.dead_letter SET message = replace(message, $2, $3), error = replace(error, $2, $3)
        WHERE ${about('message')} AND (strpos(message, $2) > 0 OR strpos(error, $2) > 0)`,
      [ids, value, ERASED_TEXT],
    );
  }
}
