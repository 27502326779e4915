import { Injectable, OnModuleInit } from '@nestjs/common';
import { TicketDomainEvents } from '../tickets/ticket-domain-events';
import { TicketRoutingService } from './ticket-routing.service';

/** A ticket opened or reopened is routed at once, in the same transaction. */
@Injectable()
export class RouteOnOpenHandler implements OnModuleInit {
  constructor(
    private readonly events: TicketDomainEvents,
    private readonly routing: TicketRoutingService,
  ) {}

  onModuleInit(): void {
    for (const name of ['ticket.opened', 'ticket.reopened'] as const)
      this.events.on(name, async ({ ticket }, tx) => void (await this.routing.route(tx, ticket)));
  }
}
