import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased, CustomerMerged, CustomerRegistered, CustomerUpdated } from '@crm/contracts';
import { ErasedCustomers, EventSubscriber, eventOrderOf } from '@crm/messaging';
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
      this.subscriber.on(CONSUMER, definition, async (event, tx) => {
        const { customerId, address } = event.payload;
        if (await this.erased.isErased(tx, customerId)) return;
        await this.locations.save(tx, customerId, address?.location ?? null, eventOrderOf(event));
      });
    }
    this.subscriber.on(CONSUMER, CustomerMerged, async (event, tx) => {
      const { mergedId, survivorId, survivor } = event.payload;
      await this.locations.remove(tx, mergedId);
      await this.locations.save(tx, survivorId, survivor.address?.location ?? null, eventOrderOf(event));
    });
    this.subscriber.on(CONSUMER, CustomerErased, async ({ payload }, tx) => {
      await this.erased.tombstone(tx, payload.customerId);
      await this.locations.remove(tx, payload.customerId);
    });
  }
}
