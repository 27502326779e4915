import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased, CustomerMerged, CustomerRegistered, CustomerUpdated } from '@crm/contracts';
import { EventSubscriber, eventOrderOf } from '@crm/messaging';
import { CustomerTrackingService } from './customer-tracking.service';

/** One consumer group for the customer topic, erasure included, so one customer's events apply in order. */
export const CUSTOMER_CONSUMER = 'web-tracking-customers';

@Injectable()
export class CustomerEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly customers: CustomerTrackingService,
  ) {}

  onModuleInit(): void {
    for (const definition of [CustomerRegistered, CustomerUpdated])
      this.subscriber.on(CUSTOMER_CONSUMER, definition, (event, tx) =>
        this.customers.applyState(tx, event.payload, eventOrderOf(event)),
      );
    this.subscriber.on(CUSTOMER_CONSUMER, CustomerMerged, (event, tx) =>
      this.customers.merge(tx, event.payload, eventOrderOf(event)),
    );
    this.subscriber.on(CUSTOMER_CONSUMER, CustomerErased, (event, tx) =>
      this.customers.erase(tx, event.payload.customerId),
    );
  }
}
