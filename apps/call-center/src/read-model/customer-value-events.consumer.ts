import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerValueTierChanged } from '@crm/contracts';
import { EventSubscriber, eventOrderOf } from '@crm/messaging';
import { READ_MODEL_CONSUMER } from '../call-center.constants';
import { Customer360Invalidator } from './customer-360.invalidator';
import { ErasedCustomerRepository } from './erased-customer.repository';
import { ValueTierRepository } from './value-tier.repository';

/** analytics' value tier joins the customer's 360; none is kept for an erased customer. */
@Injectable()
export class CustomerValueEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly tiers: ValueTierRepository,
    private readonly invalidator: Customer360Invalidator,
    private readonly erased: ErasedCustomerRepository,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(READ_MODEL_CONSUMER, CustomerValueTierChanged, async (event, tx) => {
      const { customerId } = event.payload;
      if (await this.erased.isErased(tx, customerId)) return;
      await this.tiers.upsert(tx, event.payload, eventOrderOf(event));
      this.invalidator.afterCommit(tx, customerId);
    });
  }
}
