import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Station } from '../stations/station';
import { StationRepository } from '../stations/station.repository';
import { TicketDomainEvents } from '../tickets/ticket-domain-events';
import { WebhookOutbox } from './webhook-outbox';

/**
 * The station a ticket is routed to is told by webhook, and so is a station a re-route by hand took it from; each
 * delivery is written in the routing's transaction.
 */
@Injectable()
export class StationWebhookHandler implements OnModuleInit {
  constructor(
    private readonly events: TicketDomainEvents,
    private readonly stations: StationRepository,
    private readonly outbox: WebhookOutbox,
  ) {}

  onModuleInit(): void {
    this.events.on('ticket.routed', async ({ ticket, takenFrom }, tx) => {
      if (takenFrom) await this.outbox.withdrawn(tx, ticket, await this.station(tx, takenFrom));
      await this.outbox.routed(tx, ticket, await this.station(tx, ticket.stationId as string));
    });
  }

  private async station(tx: EntityManager, stationId: string): Promise<Station> {
    const station = await this.stations.findById(stationId, tx);
    if (!station) throw new Error(`no station ${stationId} to notify`);
    return station;
  }
}
