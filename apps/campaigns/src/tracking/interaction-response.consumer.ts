import { Injectable, OnModuleInit } from '@nestjs/common';
import { InteractionRecorded } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { ResponseTrackingService } from './response-tracking.service';

export const INTERACTION_RESPONSE_CONSUMER = 'campaign-interaction-responses';

/** A call-center interaction tagged with a campaign is that customer's response to it. */
@Injectable()
export class InteractionResponseConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly tracking: ResponseTrackingService,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(INTERACTION_RESPONSE_CONSUMER, InteractionRecorded, async (event, tx) => {
      const { campaignId, customerId, outcome, occurredAt } = event.payload;
      if (!campaignId || !customerId) return;
      await this.tracking.replied({ campaignId, customerId, outcome, at: new Date(occurredAt) }, tx);
    });
  }
}
