import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, IdGenerator } from '@crm/core';
import { afterCommit } from '@crm/messaging';
import { Station } from '../stations/station';
import { Ticket, toSummary } from '../tickets/ticket';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDispatcher } from './webhook-dispatcher';

export const ROUTED_WEBHOOK_EVENT = 'ticket.routed';
export const WITHDRAWN_WEBHOOK_EVENT = 'ticket.withdrawn';

/** Writes a station's notification in the transaction that moved the ticket; the dispatcher sends it after commit. */
@Injectable()
export class WebhookOutbox {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  /** The ticket is the station's now: everything it needs to act on it. */
  routed(tx: EntityManager, ticket: Ticket, station: Station): Promise<void> {
    return this.enqueue(tx, ticket, station, (deliveryId) => ({
      event: ROUTED_WEBHOOK_EVENT,
      deliveryId,
      ticket: { ...toSummary(ticket), brand: ticket.brand, responseDueAt: ticket.responseDueAt },
      station: { stationId: station.stationId, name: station.name },
    }));
  }

  /** The ticket was taken from the station: which one, and no more of the customer's data than it already had. */
  withdrawn(tx: EntityManager, ticket: Ticket, station: Station): Promise<void> {
    return this.enqueue(tx, ticket, station, (deliveryId) => ({
      event: WITHDRAWN_WEBHOOK_EVENT,
      deliveryId,
      ticket: { ticketId: ticket.ticketId, ticketNumber: ticket.ticketNumber },
      station: { stationId: station.stationId, name: station.name },
    }));
  }

  private async enqueue(
    tx: EntityManager,
    ticket: Ticket,
    station: Station,
    body: (deliveryId: string) => object,
  ): Promise<void> {
    if (!station.webhookUrl) return;
    const deliveryId = this.ids.next();
    await this.deliveries.insert(tx, {
      deliveryId,
      ticketId: ticket.ticketId,
      stationId: station.stationId,
      url: station.webhookUrl,
      body: JSON.stringify(body(deliveryId)),
      createdAt: this.clock.now(),
    });
    afterCommit(tx, () => this.dispatcher.wake());
  }
}
