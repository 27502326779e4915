import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased, CustomerMerged, RepairRecorded, TicketSatisfactionRecorded } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { ServiceHistoryService } from './service-history.service';

/** Repairs and ratings from the service app, with the customer events that move or remove them. */
export const SERVICE_HISTORY_CONSUMER = 'service-history';

@Injectable()
export class ServiceEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly history: ServiceHistoryService,
  ) {}

  onModuleInit(): void {
    const consumer = SERVICE_HISTORY_CONSUMER;
    this.subscriber.on(consumer, RepairRecorded, (event, tx) => this.history.applyRepair(tx, event));
    this.subscriber.on(consumer, TicketSatisfactionRecorded, (event, tx) =>
      this.history.applyRating(tx, event),
    );
    this.subscriber.on(consumer, CustomerMerged, (event, tx) => this.history.merge(tx, event.payload));
    this.subscriber.on(consumer, CustomerErased, (event, tx) =>
      this.history.erase(tx, event.payload.customerId),
    );
  }
}
