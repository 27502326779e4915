import { Injectable, OnModuleInit } from '@nestjs/common';
import { CampaignUnsubscribed } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { CustomerService } from '../customers/customer.service';

export const CAMPAIGN_OPT_OUT_CONSUMER = 'campaign-opt-outs';
/** The consent source recorded for a withdrawal made through a campaign's unsubscribe link. */
export const CAMPAIGN_UNSUBSCRIBE_SOURCE = 'campaign-unsubscribe';

/** A recipient's one-click unsubscribe from campaign mail withdraws their consent on that channel here. */
@Injectable()
export class CampaignOptOutConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly customers: CustomerService,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(CAMPAIGN_OPT_OUT_CONSUMER, CampaignUnsubscribed, ({ payload }, tx) =>
      this.customers.withdrawConsent(tx, payload.customerId, {
        channel: payload.channel,
        at: payload.unsubscribedAt,
        source: CAMPAIGN_UNSUBSCRIBE_SOURCE,
      }),
    );
  }
}
