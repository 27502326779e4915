import { Injectable, OnModuleInit } from '@nestjs/common';
import { BrowsingProfileChanged } from '@crm/contracts';
import { EventSubscriber, eventOrderOf } from '@crm/messaging';
import { READ_MODEL_CONSUMER } from '../call-center.constants';
import { BrowsingProfileRepository } from './browsing-profile.repository';
import { Customer360Invalidator } from './customer-360.invalidator';
import { ErasedCustomerRepository } from './erased-customer.repository';

/** web-tracking's browsing profile joins the customer's 360; none is kept for an erased customer. */
@Injectable()
export class WebEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly profiles: BrowsingProfileRepository,
    private readonly invalidator: Customer360Invalidator,
    private readonly erased: ErasedCustomerRepository,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(READ_MODEL_CONSUMER, BrowsingProfileChanged, async (event, tx) => {
      const { customerId } = event.payload;
      if (await this.erased.isErased(tx, customerId)) return;
      await this.profiles.upsert(tx, event.payload, eventOrderOf(event));
      this.invalidator.afterCommit(tx, customerId);
    });
  }
}
