import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@crm/contracts';
import { Clock, RequestContext } from '@crm/core';
import { Outbox } from '@crm/messaging';
import { Ticket } from './ticket';
import { TicketDomainEvents, TicketStep, ticketEventName } from './ticket-domain-events';
import { TicketHistoryRepository } from './ticket-history.repository';
import { TicketRepository } from './ticket.repository';

export interface JournalEntry {
  step: TicketStep;
  note?: string | null;
  /** The station concerned when it is not (or no longer) the assigned one, as on a decline. */
  stationId?: string | null;
  /** The station the step takes the ticket away from while it still holds it (a re-route by hand). */
  takenFrom?: string | null;
}

/**
 * Every transition goes through here: the ticket row, its history row and its integration event are written in
 * the caller's transaction, then the step's domain event is raised in it, so whatever the side concerns write in
 * reaction (notifications, webhooks, a routing) commits or rolls back with the transition.
 */
@Injectable()
export class TicketJournal {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly history: TicketHistoryRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly domainEvents: TicketDomainEvents,
  ) {}

  async record(
    tx: EntityManager,
    ticket: Ticket,
    entry: JournalEntry,
    event: EventEnvelope,
  ): Promise<Ticket> {
    await this.tickets.update(tx, ticket);
    const { actor, actorName } = RequestContext.current();
    await this.history.append(tx, ticket.ticketId, {
      step: entry.step,
      status: ticket.status,
      actor: { id: actor.id, kind: actor.kind, name: actorName ?? null },
      stationId: entry.stationId ?? ticket.stationId,
      note: entry.note ?? null,
      at: this.clock.now().toISOString(),
    });
    await this.outbox.add(tx, event);
    await this.domainEvents.raise(tx, ticketEventName(entry.step), {
      id: event.id,
      step: entry.step,
      ticket,
      takenFrom: entry.takenFrom ?? null,
    });
    return ticket;
  }
}
