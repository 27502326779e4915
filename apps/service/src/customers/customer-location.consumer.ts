import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased, CustomerMerged, CustomerRegistered, CustomerUpdated } from '@crm/contracts';
import { ErasedCustomers, EventSubscriber } from '@crm/messaging';
import { CustomerLocationRepository } from './customer-location.repository';

const CONSUMER = 'customer-locations';

/** Keeps only what routing needs from the customer master: each customer's location. */
@Injectable()
export class CustomerLocationConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly locations: CustomerLocationRepository,
    private readonly erased: ErasedCustomers,
  ) {}

  onModuleInit(): void {
    for (const definition of [CustomerRegistered, CustomerUpdated]) {
      this.subscriber.on(CONSUMER, definition, async ({ payload, occurredAt }, tx) => {
        if (await this.erased.isErased(tx, payload.customerId)) return;
        await this.locations.save(tx, payload.customerId, payload.address?.location ?? null, occurredAt);
      });
    }
    this.subscriber.on(CONSUMER, CustomerMerged, async ({ payload, occurredAt }, tx) => {
      await this.locations.remove(tx, payload.mergedId);
      await this.locations.save(
        tx,
        payload.survivorId,
        payload.survivor.address?.location ?? null,
        occurredAt,
      );
    });
    this.subscriber.on(CONSUMER, CustomerErased, async ({ payload }, tx) => {
      await this.erased.tombstone(tx, payload.customerId);
      await this.locations.remove(tx, payload.customerId);
    });
  }
}
