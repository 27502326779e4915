import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased, CustomerMerged, VehicleOwnershipChanged, VehicleRegistered } from '@crm/contracts';
import { ErasedCustomers, EventSubscriber, eventOrderOf } from '@crm/messaging';
import { CustomerVehicleRepository } from './customer-vehicle.repository';

const CONSUMER = 'customer-vehicles';

/** Keeps each customer's vehicles (VIN, brand, selling dealer), so a ticket's claims about them are checked here. */
@Injectable()
export class CustomerVehicleConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly vehicles: CustomerVehicleRepository,
    private readonly erased: ErasedCustomers,
  ) {}

  onModuleInit(): void {
    for (const definition of [VehicleRegistered, VehicleOwnershipChanged]) {
      this.subscriber.on(CONSUMER, definition, async (event, tx) => {
        if (!(await this.erased.isErased(tx, event.payload.ownerCustomerId)))
          await this.vehicles.save(tx, event.payload, eventOrderOf(event));
      });
    }
    this.subscriber.on(CONSUMER, CustomerMerged, ({ payload }, tx) =>
      this.vehicles.moveOwner(tx, payload.mergedId, payload.survivorId),
    );
    this.subscriber.on(CONSUMER, CustomerErased, async ({ payload }, tx) => {
      await this.erased.tombstone(tx, payload.customerId);
      await this.vehicles.removeOwnedBy(tx, payload.customerId);
    });
  }
}
