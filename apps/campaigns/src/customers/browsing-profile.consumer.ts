import { Injectable, OnModuleInit } from '@nestjs/common';
import { BrowsingProfileChanged, CustomerErased, CustomerMerged } from '@crm/contracts';
import { ErasedCustomers, EventSubscriber, eventOrderOf } from '@crm/messaging';
import { BrowsingProfileReplicaRepository } from './browsing-profile-replica.repository';

/** web-tracking's browsing profiles, with the customer events that end one: an erasure, or a merge away. */
export const BROWSING_PROFILE_CONSUMER = 'browsing-profile-replica';

@Injectable()
export class BrowsingProfileConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly profiles: BrowsingProfileReplicaRepository,
    private readonly erased: ErasedCustomers,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(BROWSING_PROFILE_CONSUMER, BrowsingProfileChanged, async (event, tx) => {
      if (await this.erased.isErased(tx, event.payload.customerId)) return;
      await this.profiles.upsert(tx, event.payload, eventOrderOf(event));
    });
    // web-tracking recomputes the survivor's profile on the merge and publishes it.
    this.subscriber.on(BROWSING_PROFILE_CONSUMER, CustomerMerged, ({ payload }, tx) =>
      this.profiles.delete(tx, payload.mergedId),
    );
    // The tombstone is written here too: this consumer may see the erasure before the customer replica does.
    this.subscriber.on(BROWSING_PROFILE_CONSUMER, CustomerErased, async ({ payload }, tx) => {
      await this.erased.tombstone(tx, payload.customerId);
      await this.profiles.delete(tx, payload.customerId);
    });
  }
}
