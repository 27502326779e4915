import { Injectable } from '@nestjs/common';
import { EventDefinition, EventEnvelope, PayloadOf, TicketSummary } from '@crm/contracts';
import { EventFactory } from '@crm/messaging';
import { Ticket, toSummary } from './ticket';

/** Ticket event envelopes: the ticket summary every consumer relies on, plus what the event adds. */
@Injectable()
export class TicketEvents {
  constructor(private readonly events: EventFactory) {}

  of<D extends EventDefinition>(
    definition: D,
    ticket: Ticket,
    extra: Omit<PayloadOf<D>, keyof TicketSummary> & Partial<TicketSummary>,
  ): EventEnvelope<PayloadOf<D>> {
    const payload = { ...toSummary(ticket), ...extra } as PayloadOf<D>;
    return this.events.create(definition, ticket.ticketId, payload);
  }
}
