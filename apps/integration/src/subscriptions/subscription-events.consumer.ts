import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventSubscriber } from '@crm/messaging';
import { SUBSCRIBABLE_EVENTS } from './subscribable-events';
import { SubscriptionFanout } from './subscription-fanout.service';

export const SUBSCRIPTIONS_CONSUMER = 'event-subscriptions';

/** Every catalog event type, consumed once (idempotent by event id) and handed to the fan-out. */
@Injectable()
export class SubscriptionEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly fanout: SubscriptionFanout,
  ) {}

  onModuleInit(): void {
    for (const { definition } of SUBSCRIBABLE_EVENTS.values())
      this.subscriber.on(SUBSCRIPTIONS_CONSUMER, definition, (event, tx) => this.fanout.onEvent(tx, event));
  }
}
