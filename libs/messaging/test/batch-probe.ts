import { EntityManager } from 'typeorm';
import { CustomerState, EventEnvelope } from '@crm/contracts';
import { SCHEMA } from './consumer-fixture';

export const BATCH_PROBE = 'batch-probe';

/** The table the batch probes write: one row per applied event, `n` in the order they were applied. */
export const BATCH_APPLIED_DDL = `CREATE TABLE ${SCHEMA}.batch_applied (
  n bigserial PRIMARY KEY, consumer text NOT NULL, event_id uuid NOT NULL, aggregate_id text NOT NULL,
  name text NOT NULL, batch_size int NOT NULL)`;

/**
 * A set-based handler: one insert for the whole batch, recording each event with the size of the batch it came
 * in; it fails the batch when one of its customers is named `poison`, and may hold the transaction `sleepSeconds`.
 */
export function recordBatch(consumer: string, sleepSeconds = 0) {
  return async (events: EventEnvelope<CustomerState>[], tx: EntityManager): Promise<void> => {
    if (events.some((event) => event.payload.name === 'poison')) throw new Error('a poison customer');
    if (sleepSeconds > 0) await tx.query(`SELECT pg_sleep($1)`, [sleepSeconds]);
    await tx.query(
      `INSERT INTO ${SCHEMA}.batch_applied (consumer, event_id, aggregate_id, name, batch_size)
       SELECT $1, e, a, n, $5 FROM unnest($2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY AS r(e, a, n, o)
       ORDER BY o`,
      [
        consumer,
        events.map((event) => event.id),
        events.map((event) => event.aggregateId),
        events.map((event) => event.payload.name),
        events.length,
      ],
    );
  };
}
