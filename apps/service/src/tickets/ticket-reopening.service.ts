import { Injectable } from '@nestjs/common';
import { TicketReopened } from '@crm/contracts';
import { Ticket } from './ticket';
import { TicketEvents } from './ticket-events';
import { TicketJournal } from './ticket-journal';
import { assertCanStep } from './ticket-lifecycle';
import { TicketTransaction } from './ticket-transaction';
import { TicketRepository } from './ticket.repository';

/** The problem came back: the ticket is reopened (and, by whoever reacts to `ticket.reopened`, routed again at once). */
@Injectable()
export class TicketReopeningService {
  constructor(
    private readonly transaction: TicketTransaction,
    private readonly journal: TicketJournal,
    private readonly tickets: TicketRepository,
    private readonly events: TicketEvents,
  ) {}

  reopen(id: string, reason: string): Promise<Ticket> {
    return this.transaction.run(id, async (tx, ticket) => {
      assertCanStep(ticket.status, 'reopen');
      const reopened: Ticket = {
        ...ticket,
        status: 'reopened',
        stationId: null,
        resolvedAt: null,
        closedAt: null,
      };
      const event = this.events.of(TicketReopened, reopened, { reason });
      await this.journal.record(
        tx,
        reopened,
        { step: 'reopened', note: reason, stationId: ticket.stationId },
        event,
      );
      return (await this.tickets.findById(id, tx)) as Ticket;
    });
  }
}
