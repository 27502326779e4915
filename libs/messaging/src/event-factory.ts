import { EventDefinition, EventEnvelope, PayloadOf } from '@crm/contracts';
import { Clock, IdGenerator, RequestContext } from '@crm/core';

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
}
