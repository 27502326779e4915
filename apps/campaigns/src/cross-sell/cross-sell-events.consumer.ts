import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased, CustomerMerged } from '@crm/contracts';
import { ErasedCustomers, EventSubscriber } from '@crm/messaging';
import { NextBestOfferService } from './next-best-offer.service';

/** The customer events that end an offer: a merge away (the survivor's comes with the next recompute), an erasure. */
export const CROSS_SELL_CONSUMER = 'cross-sell';

@Injectable()
export class CrossSellEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly offers: NextBestOfferService,
    private readonly erased: ErasedCustomers,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(CROSS_SELL_CONSUMER, CustomerMerged, ({ payload }, tx) =>
      this.offers.forget(tx, payload.mergedId),
    );
    // The tombstone is written here too: a recompute before the order replica sees the erasure leaves them out.
    this.subscriber.on(CROSS_SELL_CONSUMER, CustomerErased, async ({ payload }, tx) => {
      await this.erased.tombstone(tx, payload.customerId);
      await this.offers.forget(tx, payload.customerId);
    });
  }
}
