import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerErased, EventEnvelope } from '@crm/contracts';
import { Clock, IdGenerator } from '@crm/core';
import { afterCommit } from '@crm/messaging';
import { EventLogRepository } from './event-log.repository';
import { Subscriber } from './subscription.repository';
import { SubscriptionRepository } from './subscription.repository';
import { webhookBody, wantsEvent } from './subscription';
import { SubscriptionDeliveryRepository } from './subscription-delivery.repository';
import { SubscriptionDispatcher } from './subscription.dispatcher';

/**
 * Each consumed event, in the transaction that marks it processed: kept in the event log for replays, and a delivery
 * written for every subscription that asked for it and may see it.
 */
@Injectable()
export class SubscriptionFanout {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: SubscriptionDeliveryRepository,
    private readonly eventLog: EventLogRepository,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly dispatcher: SubscriptionDispatcher,
  ) {}

  async onEvent(tx: EntityManager, event: EventEnvelope): Promise<void> {
    await this.eventLog.append(tx, event, this.clock.now());
    const subscribers = await this.subscriptions.subscribersOf(tx, event.type);
    await this.enqueue(tx, subscribers, [event], false);
    if (event.type === CustomerErased.type)
      await this.forget(tx, event as EventEnvelope<{ customerId: string }>);
  }

  /** Writes the deliveries of `events` to the subscribers that want them; resolves with how many. */
  async enqueue(tx: EntityManager, subscribers: Subscriber[], events: EventEnvelope[], replayed: boolean) {
    const deliveries = events.flatMap((event) =>
      subscribers
        .filter((subscriber) => wantsEvent(subscriber, event))
        .map((subscriber) => ({
          deliveryId: this.ids.next(),
          subscriptionId: subscriber.subscriptionId,
          eventId: event.id,
          eventType: event.type,
          occurredAt: event.occurredAt,
          body: webhookBody(event),
          replayed,
        })),
    );
    await this.deliveries.insert(tx, deliveries, this.clock.now());
    if (deliveries.length > 0) afterCommit(tx, () => this.dispatcher.wake());
    return deliveries.length;
  }

  /** The erasure itself still goes out; what the log and the sent bodies kept about the person does not stay. */
  private async forget(tx: EntityManager, erasure: EventEnvelope<{ customerId: string }>): Promise<void> {
    await this.eventLog.eraseAbout(tx, erasure.payload.customerId, erasure.id);
    await this.deliveries.eraseBodiesAbout(tx, erasure.payload.customerId);
  }
}
