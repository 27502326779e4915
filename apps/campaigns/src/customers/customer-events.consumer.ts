import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  CustomerErased,
  CustomerMerged,
  CustomerRegistered,
  CustomerUpdated,
  VehicleOwnershipChanged,
  VehicleRegistered,
} from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { CustomerReplicaService } from './customer-replica.service';

/** One consumer group for customer events, erasure included, so one customer's events apply in order. */
export const CUSTOMER_CONSUMER = 'customer-replica';
export const VEHICLE_CONSUMER = 'vehicle-replica';

@Injectable()
export class CustomerEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly replica: CustomerReplicaService,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(CUSTOMER_CONSUMER, CustomerRegistered, (event, tx) => this.replica.apply(tx, event));
    this.subscriber.on(CUSTOMER_CONSUMER, CustomerUpdated, (event, tx) => this.replica.apply(tx, event));
    this.subscriber.on(CUSTOMER_CONSUMER, CustomerMerged, (event, tx) => this.replica.merge(tx, event));
    this.subscriber.on(CUSTOMER_CONSUMER, CustomerErased, (event, tx) =>
      this.replica.erase(tx, event.payload.customerId),
    );
    for (const definition of [VehicleRegistered, VehicleOwnershipChanged])
      this.subscriber.on(VEHICLE_CONSUMER, definition, (event, tx) => this.replica.applyVehicle(tx, event));
  }
}
