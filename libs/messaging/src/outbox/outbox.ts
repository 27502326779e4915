import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventEnvelope, topicFor, validateEvent } from '@crm/contracts';
import { RequestContext } from '@crm/core';
import { afterCommit } from '../after-commit/after-commit';
import { SharedEnvelope } from '../event-factory';
import { headersFor, MessageHeaders } from '../message-headers';
import { assertSqlIdentifier } from '../sql-identifier';
import { activeTraceparent } from '../tracing/trace-propagation';
import { AggregateSequences } from './aggregate-sequences';
import { BATCH_KEY } from './outbox-row';

/** Events per statement pair of `addMany`: bounded, so a million tier changes never make one giant query. */
export const OUTBOX_SLICE = 2_000;
/** Events per outbox row that `addSelected` writes (ADR 0063). */
export const OUTBOX_BATCH = 1_000;

/** Writes events into the service's outbox table inside the caller's transaction, each numbered within its aggregate. */
export class Outbox {
  private readonly table: string;
  private readonly sequences: AggregateSequences;

  /** `wake` is told once a transaction that added events commits, so the relay publishes them at once. */
  constructor(
    schema: string,
    private readonly wake: () => void = () => undefined,
  ) {
    this.table = `${assertSqlIdentifier(schema)}.outbox_message`;
    this.sequences = new AggregateSequences(schema);
  }

  async add(tx: EntityManager, ...envelopes: EventEnvelope[]): Promise<void> {
    await this.addMany(tx, envelopes);
  }

  /**
   * Writes any number of events set-based in the caller's transaction (ADR 0045): per slice of `OUTBOX_SLICE`
   * events, one upsert numbers them (ADR 0021) and one multi-row insert stores them, in the order given, so the
   * relay publishes them in that order.
   */
  async addMany(tx: EntityManager, envelopes: EventEnvelope[]): Promise<void> {
    const traceparent = currentTraceparent();
    for (let start = 0; start < envelopes.length; start += OUTBOX_SLICE) {
      const slice = envelopes.slice(start, start + OUTBOX_SLICE);
      slice.forEach((event) => validateEvent(event));
      const numbers = await this.sequences.nextMany(tx, slice);
      const rows = slice.map((event, i) => ({ ...event, aggregateSequence: numbers[i] }));
      // JSON as text[], cast row by row: PostgreSQL reads a jsonb[] literal about three times slower (ADR 0061).
      await tx.query(
        `INSERT INTO ${this.table} (event_id, topic, message_key, envelope, headers)
         SELECT e, t, k, v::jsonb, h::jsonb FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
           WITH ORDINALITY AS r(e, t, k, v, h, n) ORDER BY n`,
        [
          rows.map((envelope) => envelope.id),
          rows.map((envelope) => topicFor(envelope)),
          rows.map((envelope) => envelope.aggregateId),
          rows.map((envelope) => JSON.stringify(envelope)),
          rows.map((envelope) => JSON.stringify(headersFor(envelope, traceparent))),
        ],
      );
    }
    if (envelopes.length > 0) afterCommit(tx, this.wake);
  }

  /**
   * Writes one event per row of `source` in one statement, built in SQL (ADR 0061): for bulk writers whose events
   * would cost more in Node than their state change. `source` yields `aggregate_id` (text), `payload` (json) and
   * `position` (the publishing order, 1..n); each event is `shared` plus its own id, aggregateId, aggregateSequence,
   * correlationId (its own id when `shared` has none), and payload. The events are stored `OUTBOX_BATCH` to a row
   * (ADR 0063): the row holds `shared` and its headers once, and the relay publishes each event as the message
   * `addMany` would have written. Nothing validates these events here: the writer's tests validate every event its
   * SQL can build. Returns how many were written.
   */
  async addSelected(tx: EntityManager, shared: SharedEnvelope, source: SelectedEvents): Promise<number> {
    const params = [...source.params];
    const param = (value: unknown) => `$${params.push(value)}`;
    // The per-event headers (id, correlation, sequence) are the relay's to add (messagesOf).
    const headers = headersFor(
      { ...shared, id: '', aggregateId: '', correlationId: shared.correlationId ?? '', payload: null },
      currentTraceparent(),
    );
    const numbered =
      source.runSequence === undefined
        ? this.numberedInOrder(param(shared.aggregateType))
        : `numbered AS (SELECT *, ${param(source.runSequence)}::bigint AS sequence FROM source)`;
    const [{ written }] = await tx.query(
      `WITH source AS MATERIALIZED (${source.sql}),
       ${numbered},
       inserted AS (
         INSERT INTO ${this.table} (event_id, topic, message_key, envelope, headers, batch)
         SELECT gen_random_uuid(), ${param(topicFor(shared))}::text, '${BATCH_KEY}', ${param(JSON.stringify(shared))}::jsonb,
           ${param(JSON.stringify(headers))}::jsonb,
           -- An event outside a request starts a correlation of its own: its id names it.
           json_agg(json_build_object('id', id, 'aggregateId', aggregate_id, 'aggregateSequence', sequence,
             'correlationId', coalesce(${param(shared.correlationId)}::text, id::text), 'payload', payload)
             ORDER BY position)
         FROM (SELECT *, gen_random_uuid() AS id FROM numbered) event
         GROUP BY (position - 1) / ${OUTBOX_BATCH} ORDER BY (position - 1) / ${OUTBOX_BATCH})
       SELECT count(*)::int AS written FROM source`,
      params,
    );
    if (written > 0) afterCommit(tx, this.wake);
    return written;
  }

  /** `numbered` (the source's columns and sequence): each aggregate's rows take its next numbers in their order. */
  private numberedInOrder(typeParam: string): string {
    return `counted AS (SELECT aggregate_id, count(*) AS taken FROM source GROUP BY aggregate_id),
       held AS (${this.sequences.takeSql('counted', `${typeParam}::text`)}),
       through AS (
         SELECT aggregate_id, sum(taken) OVER (ORDER BY aggregate_id ROWS UNBOUNDED PRECEDING) AS rows_through
         FROM counted),
       -- One window over every row, not a partition per aggregate (that cost more than the insert): the row r of
       -- an aggregate whose rows end at rows_through takes last_sequence - (rows_through - r).
       numbered AS (
         SELECT s.*,
           h.last_sequence - t.rows_through + row_number() OVER (ORDER BY s.aggregate_id, s.position) AS sequence
         FROM source s JOIN through t USING (aggregate_id) JOIN held h USING (aggregate_id))`;
  }

  /**
   * A tombstone (null value) for the aggregate of `after`, on its topic and key, published after it: on a
   * compacted topic it removes every earlier message of the key (ADR 0013). The row's id only names the row.
   */
  async addTombstone(tx: EntityManager, after: EventEnvelope): Promise<void> {
    const headers: Record<string, string> = {
      [MessageHeaders.correlationId]: after.correlationId,
      [MessageHeaders.causationId]: after.id,
    };
    const traceparent = currentTraceparent();
    if (traceparent) headers[MessageHeaders.traceparent] = traceparent;
    await tx.query(
      `INSERT INTO ${this.table} (event_id, topic, message_key, envelope, headers) VALUES ($1, $2, $3, NULL, $4)`,
      [randomUUID(), topicFor(after), after.aggregateId, JSON.stringify(headers)],
    );
    afterCommit(tx, this.wake);
  }
}

/**
 * A query yielding `aggregate_id` (text), `payload` (`json`, cheaper to build than `jsonb`, or `jsonb`) and `position`
 * per event: the publishing order, 1..n (other numbers are published in order too, but fill batches unevenly).
 */
export interface SelectedEvents {
  sql: string;
  params: unknown[];
  /**
   * Without it, each aggregate's events take its next numbers from `aggregate_sequence` in position order, as
   * `addMany` numbers them (ADR 0021). With it, every event is numbered this (ADR 0063): for a writer that alone
   * writes its aggregate type, publishes at most one event per aggregate in a run and numbers its runs from a sequence
   * above every number its aggregates had. Numbers then grow per aggregate, with gaps, which is what replicas compare.
   */
  runSequence?: number | string;
}

/** Stored with the row, so the relay and the consumers continue this trace later (TracedTransport). */
function currentTraceparent(): string | undefined {
  return activeTraceparent() ?? RequestContext.current().traceparent;
}
