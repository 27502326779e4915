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

/** Events per statement pair of `addMany`: bounded, so a million tier changes never make one giant query. */
export const OUTBOX_SLICE = 2_000;

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
   * would cost more in Node than their state change. `source` yields `aggregate_id` (text), `payload` (jsonb) and
   * `position` (the publishing order); each envelope is `shared` plus its own id, aggregateId, aggregateSequence
   * (numbered as `addMany` numbers them), correlationId (its own id when `shared` has none), and payload. Nothing validates
   * these rows here: the writer's tests validate every event its SQL can build. Returns how many were written.
   */
  async addSelected(tx: EntityManager, shared: SharedEnvelope, source: SelectedEvents): Promise<number> {
    const param = (index: number) => `$${source.params.length + index}`;
    // The per-event headers (id, correlation, sequence) are set in SQL over these.
    const headers = headersFor(
      { ...shared, id: '', aggregateId: '', correlationId: shared.correlationId ?? '', payload: null },
      currentTraceparent(),
    );
    const [{ written }] = await tx.query(
      `WITH source AS MATERIALIZED (${source.sql}),
       ${source.onePerAggregate ? this.eachAggregateOnce(param(1)) : this.numberedInOrder(param(1))},
       inserted AS (
         INSERT INTO ${this.table} (event_id, topic, message_key, envelope, headers)
         SELECT id, ${param(3)}::text, aggregate_id,
           ${param(4)}::jsonb || jsonb_build_object('id', id, 'aggregateId', aggregate_id, 'aggregateSequence', sequence,
             'correlationId', correlation_id, 'payload', payload),
           ${param(5)}::jsonb || jsonb_build_object('${MessageHeaders.eventId}', id,
             '${MessageHeaders.correlationId}', correlation_id, '${MessageHeaders.aggregateSequence}', sequence::text)
         -- Sorted before the envelopes are built, so the sort moves payloads (in memory), not whole rows.
         FROM (
           -- An event outside a request starts a correlation of its own: its id names it.
           SELECT aggregate_id, payload, sequence, id, coalesce(${param(2)}::text, id::text) AS correlation_id
           FROM (
             SELECT s.aggregate_id, s.payload, s.position, n.sequence, gen_random_uuid() AS id
             FROM source s JOIN numbered n USING (${source.onePerAggregate ? 'aggregate_id' : 'position'})) e
           ORDER BY position) event)
       SELECT count(*)::int AS written FROM source`,
      [
        ...source.params,
        shared.aggregateType,
        shared.correlationId,
        topicFor(shared),
        JSON.stringify(shared),
        JSON.stringify(headers),
      ],
    );
    if (written > 0) afterCommit(tx, this.wake);
    return written;
  }

  /** `numbered` (aggregate_id, sequence) when each aggregate has one row: its next number (ADR 0061). */
  private eachAggregateOnce(typeParam: string): string {
    const once = '(SELECT aggregate_id, 1 AS taken FROM source) once';
    return `held AS (${this.sequences.takeSql(once, `${typeParam}::text`)}),
       numbered AS (SELECT aggregate_id, last_sequence AS sequence FROM held)`;
  }

  /** `numbered` (position, sequence): each aggregate's rows take its next numbers in their order. */
  private numberedInOrder(typeParam: string): string {
    return `counted AS (SELECT aggregate_id, count(*) AS taken FROM source GROUP BY aggregate_id),
       held AS (${this.sequences.takeSql('counted', `${typeParam}::text`)}),
       through AS (
         SELECT aggregate_id, sum(taken) OVER (ORDER BY aggregate_id ROWS UNBOUNDED PRECEDING) AS rows_through
         FROM counted),
       -- One window over every row, not a partition per aggregate (that cost more than the insert): the row r of
       -- an aggregate whose rows end at rows_through takes last_sequence - (rows_through - r).
       numbered AS (
         SELECT s.position,
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

/** A query yielding `aggregate_id` (text), `payload` (jsonb) and `position` (publishing order) per event. */
export interface SelectedEvents {
  sql: string;
  params: unknown[];
  /**
   * The query yields at most one row per aggregate: it is numbered by a join on the aggregate, without the count,
   * running sum and window that several rows of one aggregate need. If it does yield two, the sequence upsert
   * fails the statement (it cannot update one row twice), so nothing is written with a wrong number.
   */
  onePerAggregate?: boolean;
}

/** Stored with the row, so the relay and the consumers continue this trace later (TracedTransport). */
function currentTraceparent(): string | undefined {
  return activeTraceparent() ?? RequestContext.current().traceparent;
}
