import { Injectable, OnModuleInit } from '@nestjs/common';
import { StationRepository } from '../stations/station.repository';
import { TicketDomainEvents } from '../tickets/ticket-domain-events';
import { WebhookOutbox } from './webhook-outbox';

/** The station a ticket is routed to is told by webhook; the delivery is written in the routing's transaction. */
@Injectable()
export class StationWebhookHandler implements OnModuleInit {
  constructor(
    private readonly events: TicketDomainEvents,
    private readonly stations: StationRepository,
    private readonly outbox: WebhookOutbox,
  ) {}

  onModuleInit(): void {
    this.events.on('ticket.routed', async ({ ticket }, tx) => {
      const station = await this.stations.findById(ticket.stationId as string, tx);
      if (!station) throw new Error(`ticket ${ticket.ticketId} was routed to an unknown station`);
      await this.outbox.enqueue(tx, ticket, station);
    });
  }
}
