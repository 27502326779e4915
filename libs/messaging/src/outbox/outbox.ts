import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventEnvelope, topicFor, validateEvent } from '@crm/contracts';
import { RequestContext } from '@crm/core';
import { afterCommit } from '../after-commit/after-commit';
import { headersFor, MessageHeaders } from '../message-headers';
import { assertSqlIdentifier } from '../sql-identifier';
import { activeTraceparent } from '../tracing/trace-propagation';
import { AggregateSequences } from './aggregate-sequences';

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
    const traceparent = currentTraceparent();
    for (const event of envelopes) {
      validateEvent(event);
      const envelope = { ...event, aggregateSequence: await this.sequences.next(tx, event) };
      await tx.query(
        `INSERT INTO ${this.table} (event_id, topic, message_key, envelope, headers) VALUES ($1, $2, $3, $4, $5)`,
        [
          envelope.id,
          topicFor(envelope),
          envelope.aggregateId,
          JSON.stringify(envelope),
          JSON.stringify(headersFor(envelope, traceparent)),
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
