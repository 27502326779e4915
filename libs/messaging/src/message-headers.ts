import { EventEnvelope } from '@crm/contracts';

export const MessageHeaders = {
  eventId: 'event-id',
  eventType: 'event-type',
  eventVersion: 'event-version',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  aggregateSequence: 'aggregate-sequence',
  traceparent: 'traceparent',
  deadLetterError: 'dead-letter-error',
  deadLetterReason: 'dead-letter-reason',
  deadLetterConsumer: 'dead-letter-consumer',
  deadLetterOriginalTopic: 'dead-letter-original-topic',
  deadLetterAttempts: 'dead-letter-attempts',
} as const;

export function headersFor(envelope: EventEnvelope, traceparent?: string): Record<string, string> {
  const headers: Record<string, string> = {
    [MessageHeaders.eventId]: envelope.id,
    [MessageHeaders.eventType]: envelope.type,
    [MessageHeaders.eventVersion]: String(envelope.version),
    [MessageHeaders.correlationId]: envelope.correlationId,
  };
  if (envelope.causationId) headers[MessageHeaders.causationId] = envelope.causationId;
  if (envelope.aggregateSequence)
    headers[MessageHeaders.aggregateSequence] = String(envelope.aggregateSequence);
  if (traceparent) headers[MessageHeaders.traceparent] = traceparent;
  return headers;
}
