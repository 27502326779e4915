import { Injectable } from '@nestjs/common';
import { TicketAccepted } from '@crm/contracts';
import { Clock, RequestContext } from '@crm/core';
import { TicketRoutingService } from '../routing/ticket-routing.service';
import { Ticket } from '../tickets/ticket';
import { TicketEvents } from '../tickets/ticket-events';
import { TicketJournal } from '../tickets/ticket-journal';
import { assertCanStep } from '../tickets/ticket-lifecycle';
import { TicketTransaction } from '../tickets/ticket-transaction';

/** The station answers a routed ticket: it takes it, or gives it back to be routed to the next station. */
@Injectable()
export class StationResponseService {
  constructor(
    private readonly transaction: TicketTransaction,
    private readonly journal: TicketJournal,
    private readonly routing: TicketRoutingService,
    private readonly events: TicketEvents,
    private readonly clock: Clock,
  ) {}

  accept(ticketId: string, stationId: string | null): Promise<Ticket> {
    return this.transaction.runAsStation(ticketId, stationId, async (tx, ticket) => {
      assertCanStep(ticket.status, 'accept');
      const accepted: Ticket = { ...ticket, status: 'accepted', acceptedAt: this.clock.now().toISOString() };
      const event = this.events.of(TicketAccepted, accepted, {
        acceptedBy: RequestContext.current().actor.id,
      });
      return this.journal.record(tx, accepted, { step: 'accepted' }, event);
    });
  }

  decline(ticketId: string, stationId: string | null, reason: string): Promise<Ticket> {
    return this.transaction.runAsStation(ticketId, stationId, (tx, ticket) =>
      this.routing.declineAndReroute(tx, ticket, reason),
    );
  }
}
