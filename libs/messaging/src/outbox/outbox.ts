import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventEnvelope, topicFor, validateEvent } from '@crm/contracts';
import { RequestContext } from '@crm/core';
import { afterCommit } from '../after-commit/after-commit';
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
      await tx.query(
        `INSERT INTO ${this.table} (event_id, topic, message_key, envelope, headers)
         SELECT e, t, k, v, h FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[])
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

/** Stored with the row, so the relay and the consumers continue this trace later (TracedTransport). */
function currentTraceparent(): string | undefined {
  return activeTraceparent() ?? RequestContext.current().traceparent;
}
