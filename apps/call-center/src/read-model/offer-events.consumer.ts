import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  EventEnvelope,
  OfferApplied,
  OfferExpired,
  OfferGranted,
  OfferState,
  OfferWithdrawn,
} from '@crm/contracts';
import { EventSubscriber, eventOrderOf } from '@crm/messaging';
import { READ_MODEL_CONSUMER } from '../call-center.constants';
import { Customer360Invalidator } from './customer-360.invalidator';
import { CustomerOfferRepository, CustomerOfferStatus } from './customer-offer.repository';
import { ErasedCustomerRepository } from './erased-customer.repository';

/** integration's offers join the customer's 360 with where they stand; none is kept for an erased customer. */
@Injectable()
export class OfferEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly offers: CustomerOfferRepository,
    private readonly invalidator: Customer360Invalidator,
    private readonly erased: ErasedCustomerRepository,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(READ_MODEL_CONSUMER, OfferGranted, (event, tx) =>
      this.apply(tx, event, 'granted', null),
    );
    this.subscriber.on(READ_MODEL_CONSUMER, OfferApplied, (event, tx) =>
      this.apply(tx, event, 'applied', event.payload.appliedAt),
    );
    this.subscriber.on(READ_MODEL_CONSUMER, OfferExpired, (event, tx) =>
      this.apply(tx, event, 'expired', null),
    );
    // A withdrawn offer leaves the 360's active offers (ADR 0054).
    this.subscriber.on(READ_MODEL_CONSUMER, OfferWithdrawn, (event, tx) =>
      this.apply(tx, event, 'withdrawn', null),
    );
  }

  private async apply(
    tx: Parameters<CustomerOfferRepository['upsert']>[0],
    event: EventEnvelope<OfferState>,
    status: CustomerOfferStatus,
    appliedAt: string | null,
  ): Promise<void> {
    const { customerId } = event.payload;
    if (await this.erased.isErased(tx, customerId)) return;
    await this.offers.upsert(tx, event.payload, status, appliedAt, eventOrderOf(event));
    this.invalidator.afterCommit(tx, customerId);
  }
}
