import { randomUUID } from 'node:crypto';
import {
  EventDefinition,
  EventEnvelope,
  PayloadOf,
  SYSTEM_ACTOR,
  topicFor,
  validateEvent,
} from '@crm/contracts';
import { headersFor, MessageTransport } from '@crm/messaging';

/** What a producer stamps on an event: its clock's reading and, since ADR 0021, the aggregate's event number. */
export interface EventStamp {
  occurredAt: string;
  aggregateSequence?: number;
  /** The producing service's name; `test-producer` when not given. */
  producer?: string;
}

/** An envelope as a producer's outbox writes it, with the clock reading and number a test chooses. */
export function stampedEvent<D extends EventDefinition>(
  definition: D,
  aggregateId: string,
  payload: PayloadOf<D>,
  stamp: EventStamp,
): EventEnvelope<PayloadOf<D>> {
  return validateEvent({
    id: randomUUID(),
    type: definition.type,
    version: definition.version,
    producer: 'test-producer',
    aggregateType: definition.aggregateType,
    aggregateId,
    correlationId: randomUUID(),
    causationId: null,
    actor: SYSTEM_ACTOR,
    payload,
    ...stamp,
  }) as EventEnvelope<PayloadOf<D>>;
}

/** Delivers envelopes in the given order over the app's transport, keyed and with headers as the relay sends them. */
export async function deliver(transport: MessageTransport, ...envelopes: EventEnvelope[]): Promise<void> {
  await transport.publish(
    envelopes.map((envelope) => ({
      topic: topicFor(envelope),
      key: envelope.aggregateId,
      value: JSON.stringify(envelope),
      headers: headersFor(envelope),
    })),
  );
}
