import { Injectable } from '@nestjs/common';
import { Ticket } from '../tickets/ticket';
import { TicketTransaction } from '../tickets/ticket-transaction';
import { TicketRoutingService } from './ticket-routing.service';

/** A service manager re-routes a ticket by hand, under the ticket's row lock like every transition. */
@Injectable()
export class TicketRerouteService {
  constructor(
    private readonly transaction: TicketTransaction,
    private readonly routing: TicketRoutingService,
  ) {}

  reroute(ticketId: string, stationId: string, reason: string): Promise<Ticket> {
    return this.transaction.run(ticketId, (tx, ticket) =>
      this.routing.rerouteByHand(tx, ticket, stationId, reason),
    );
  }
}
