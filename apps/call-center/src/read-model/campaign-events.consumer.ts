import { Injectable, OnModuleInit } from '@nestjs/common';
import { NextBestOfferChanged } from '@crm/contracts';
import { EventSubscriber, eventOrderOf } from '@crm/messaging';
import { READ_MODEL_CONSUMER } from '../call-center.constants';
import { Customer360Invalidator } from './customer-360.invalidator';
import { ErasedCustomerRepository } from './erased-customer.repository';
import { NextBestOfferRepository } from './next-best-offer.repository';

/** campaigns' next best offer joins the customer's 360; none is kept for an erased customer. */
@Injectable()
export class CampaignEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly offers: NextBestOfferRepository,
    private readonly invalidator: Customer360Invalidator,
    private readonly erased: ErasedCustomerRepository,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(READ_MODEL_CONSUMER, NextBestOfferChanged, async (event, tx) => {
      const { customerId } = event.payload;
      if (await this.erased.isErased(tx, customerId)) return;
      await this.offers.upsert(tx, event.payload, eventOrderOf(event));
      this.invalidator.afterCommit(tx, customerId);
    });
  }
}
