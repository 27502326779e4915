import { Module } from '@nestjs/common';
import { ErasedCustomers } from '@crm/messaging';
import { SERVICE_SCHEMA, ServiceMessaging } from '../service-messaging';
import { CustomerContactConsumer } from './customer-contact.consumer';
import { CustomerContactRepository } from './customer-contact.repository';
import { CustomerDomainEvents } from './customer-domain-events';
import { CustomerLocationConsumer } from './customer-location.consumer';
import { CustomerVehicleConsumer } from './customer-vehicle.consumer';
import { CustomerVehicleRepository } from './customer-vehicle.repository';
import { CustomerLocationRepository } from './customer-location.repository';

/** What the service keeps of customers from the customer master: where they live, how to reach them, their vehicles. */
@Module({
  imports: [ServiceMessaging],
  providers: [
    CustomerLocationRepository,
    CustomerLocationConsumer,
    CustomerContactRepository,
    CustomerContactConsumer,
    CustomerDomainEvents,
    CustomerVehicleRepository,
    CustomerVehicleConsumer,
    { provide: ErasedCustomers, useValue: new ErasedCustomers(SERVICE_SCHEMA) },
  ],
  exports: [
    CustomerLocationRepository,
    CustomerContactRepository,
    CustomerDomainEvents,
    CustomerVehicleRepository,
  ],
})
export class CustomersModule {}
