import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, IdGenerator } from '@crm/core';
import { afterCommit } from '@crm/messaging';
import { Station } from '../stations/station';
import { Ticket, toSummary } from '../tickets/ticket';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDispatcher } from './webhook-dispatcher';

export const ROUTED_WEBHOOK_EVENT = 'ticket.routed';

/** Writes the station's notification in the routing transaction; the dispatcher sends it after commit. */
@Injectable()
export class WebhookOutbox {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async enqueue(tx: EntityManager, ticket: Ticket, station: Station): Promise<void> {
    if (!station.webhookUrl) return;
    const deliveryId = this.ids.next();
    const body = JSON.stringify({
      event: ROUTED_WEBHOOK_EVENT,
      deliveryId,
      ticket: { ...toSummary(ticket), brand: ticket.brand, responseDueAt: ticket.responseDueAt },
      station: { stationId: station.stationId, name: station.name },
    });
    const now = this.clock.now();
    await this.deliveries.insert(tx, {
      deliveryId,
      ticketId: ticket.ticketId,
      stationId: station.stationId,
      url: station.webhookUrl,
      body,
      createdAt: now,
    });
    afterCommit(tx, () => this.dispatcher.wake());
  }
}
