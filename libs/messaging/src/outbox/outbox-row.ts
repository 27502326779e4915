import { MessageHeaders } from '../message-headers';
import { TransportMessage } from '../transport/message-transport';
import { UnpublishableRowError } from './publish-failure';

/**
 * The message key of a batch row (ADR 0063): no aggregate id is empty. Its events have many aggregates, so the relay
 * treats the row as one of every aggregate of its topic: it waits behind them and they wait behind it.
 */
export const BATCH_KEY = '';

/** One event of a batch row: what differs between its events. */
export interface BatchedEvent {
  id: string;
  aggregateId: string;
  aggregateSequence: number;
  correlationId: string;
  payload: unknown;
}

/** An outbox row as the relay claims it. */
export interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  /** Null for a tombstone (Outbox.addTombstone): the message goes out with a null value. */
  envelope: unknown;
  headers: Record<string, unknown>;
  /** Set on a batch row (Outbox.addSelected): `envelope` and `headers` are what its events share. */
  batch?: BatchedEvent[] | null;
}

/** The messages a row publishes: one, or one per event of a batch row, in the order written. */
export function messagesOf(row: OutboxRow): TransportMessage[] {
  const headers = stringHeaders(row);
  if (!row.batch) return [message(row, row.message_key, row.envelope, headers)];
  const shared = row.envelope as Record<string, unknown>;
  return row.batch.map((event) =>
    message(
      row,
      event.aggregateId,
      { ...shared, ...event },
      {
        ...headers,
        [MessageHeaders.eventId]: event.id,
        [MessageHeaders.correlationId]: event.correlationId,
        [MessageHeaders.aggregateSequence]: String(event.aggregateSequence),
      },
    ),
  );
}

function stringHeaders(row: OutboxRow): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(row.headers ?? {})) {
    if (typeof value !== 'string')
      throw new UnpublishableRowError(`header ${name} of seq ${row.seq} is not a string`);
    headers[name] = value;
  }
  return headers;
}

function message(
  row: OutboxRow,
  key: string,
  envelope: unknown,
  headers: Record<string, string>,
): TransportMessage {
  if (envelope === null) return { topic: row.topic, key, value: null, headers };
  let value: string;
  try {
    value = JSON.stringify(envelope);
  } catch (error) {
    throw new UnpublishableRowError(
      `envelope of seq ${row.seq} does not serialize: ${(error as Error).message}`,
    );
  }
  return { topic: row.topic, key, value, headers };
}
