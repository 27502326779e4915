import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased, CustomerMerged, CustomerValueTierChanged } from '@crm/contracts';
import { ErasedCustomers, EventSubscriber } from '@crm/messaging';
import { ValueTierReplicaRepository } from './value-tier-replica.repository';

/** Tier changes from analytics, with the customer events that end a tier: an erasure, or a merge away. */
export const VALUE_TIER_CONSUMER = 'value-tier-replica';

@Injectable()
export class ValueTierConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly tiers: ValueTierReplicaRepository,
    private readonly erased: ErasedCustomers,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(VALUE_TIER_CONSUMER, CustomerValueTierChanged, async ({ payload }, tx) => {
      if (await this.erased.isErased(tx, payload.customerId)) return;
      await this.tiers.upsert(tx, payload);
    });
    // The survivor's tier comes with analytics' next recompute.
    this.subscriber.on(VALUE_TIER_CONSUMER, CustomerMerged, ({ payload }, tx) =>
      this.tiers.delete(tx, payload.mergedId),
    );
    // The tombstone is written here too: this consumer may see the erasure before the customer replica does.
    this.subscriber.on(VALUE_TIER_CONSUMER, CustomerErased, async ({ payload }, tx) => {
      await this.erased.tombstone(tx, payload.customerId);
      await this.tiers.delete(tx, payload.customerId);
    });
  }
}
