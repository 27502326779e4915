import { EventDefinition, EventEnvelope, PayloadOf } from '@crm/contracts';
import { Clock, IdGenerator, RequestContext } from '@crm/core';

/** What every event of one definition created at one moment shares; the rest is per event (`Outbox.addSelected`). */
export type SharedEnvelope = Omit<
  EventEnvelope,
  'id' | 'aggregateId' | 'aggregateSequence' | 'correlationId' | 'payload'
> & {
  /** Null outside a request: each event then starts a correlation of its own, as `create` gives it. */
  correlationId: string | null;
};

/** Builds envelopes stamped with the current actor, correlation and causation ids. */
export class EventFactory {
  constructor(
    private readonly producer: string,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  create<D extends EventDefinition>(
    definition: D,
    aggregateId: string,
    payload: PayloadOf<D>,
  ): EventEnvelope<PayloadOf<D>> {
    const context = RequestContext.current();
    return {
      id: this.ids.next(),
      type: definition.type,
      version: definition.version,
      occurredAt: this.clock.now().toISOString(),
      producer: this.producer,
      aggregateType: definition.aggregateType,
      aggregateId,
      correlationId: context.correlationId,
      causationId: context.causationId,
      actor: context.actor,
      payload,
    };
  }

  /** The envelope fields events of `definition` created now have in common, for events built in SQL. */
  shared(definition: EventDefinition): SharedEnvelope {
    const context = RequestContext.current();
    return {
      type: definition.type,
      version: definition.version,
      occurredAt: this.clock.now().toISOString(),
      producer: this.producer,
      aggregateType: definition.aggregateType,
      correlationId: RequestContext.peek() ? context.correlationId : null,
      causationId: context.causationId,
      actor: context.actor,
    };
  }
}
