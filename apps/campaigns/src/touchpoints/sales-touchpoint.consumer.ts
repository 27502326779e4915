import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActivityLogged, CustomerErased, CustomerMerged, LeadCaptured, LeadConverted } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { SalesTouchpointService } from './sales-touchpoint.service';

/** Leads and test drives, with the customer events that move or remove them, in one group (ADR 0046). */
export const SALES_TOUCHPOINT_CONSUMER = 'sales-touchpoints';

@Injectable()
export class SalesTouchpointConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly touchpoints: SalesTouchpointService,
  ) {}

  onModuleInit(): void {
    const consumer = SALES_TOUCHPOINT_CONSUMER;
    this.subscriber.on(consumer, LeadCaptured, (event, tx) =>
      this.touchpoints.leadCaptured(tx, event.payload),
    );
    this.subscriber.on(consumer, LeadConverted, (event, tx) =>
      this.touchpoints.leadConverted(tx, event.payload),
    );
    this.subscriber.on(consumer, ActivityLogged, (event, tx) =>
      this.touchpoints.activityLogged(tx, event.payload),
    );
    this.subscriber.on(consumer, CustomerMerged, (event, tx) => this.touchpoints.merge(tx, event.payload));
    this.subscriber.on(consumer, CustomerErased, (event, tx) =>
      this.touchpoints.erase(tx, event.payload.customerId),
    );
  }
}
