import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased, CustomerMerged } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { StaticListRepository } from './static-list.repository';

/** Static lists follow the people in them: a merged record's memberships move, an erased person leaves. */
export const STATIC_LIST_CONSUMER = 'static-list-members';

@Injectable()
export class StaticListEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly lists: StaticListRepository,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(STATIC_LIST_CONSUMER, CustomerMerged, (event, tx) =>
      this.lists.repointCustomer(tx, event.payload.mergedId, event.payload.survivorId),
    );
    this.subscriber.on(STATIC_LIST_CONSUMER, CustomerErased, (event, tx) =>
      this.lists.removeCustomer(tx, event.payload.customerId),
    );
  }
}
