import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@crm/contracts';
import { Clock, RequestContext } from '@crm/core';
import { Outbox } from '@crm/messaging';
import { CustomerNotifier } from '../notifications/customer-notifier';
import { Ticket } from './ticket';
import { TicketHistoryRepository } from './ticket-history.repository';
import { TicketRepository } from './ticket.repository';

export interface JournalEntry {
  step: string;
  note?: string | null;
  /** The station concerned when it is not (or no longer) the assigned one, as on a decline. */
  stationId?: string | null;
}

/**
 * Every transition goes through here: the ticket row, its history row, its events and the customer's
 * notifications are written in the caller's transaction, so none is ever without the others.
 */
@Injectable()
export class TicketJournal {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly history: TicketHistoryRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly notifier: CustomerNotifier,
  ) {}

  async record(
    tx: EntityManager,
    ticket: Ticket,
    entry: JournalEntry,
    ...events: EventEnvelope[]
  ): Promise<Ticket> {
    await this.tickets.update(tx, ticket);
    const { actor } = RequestContext.current();
    await this.history.append(tx, ticket.ticketId, {
      step: entry.step,
      status: ticket.status,
      actor: { id: actor.id, kind: actor.kind },
      stationId: entry.stationId ?? ticket.stationId,
      note: entry.note ?? null,
      at: this.clock.now().toISOString(),
    });
    await this.outbox.add(tx, ...events);
    await this.notifier.notify(tx, ticket, events);
    return ticket;
  }
}
