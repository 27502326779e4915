import { Module } from '@nestjs/common';
import { ServiceMessaging } from '../service-messaging';
import { CustomerContactConsumer } from './customer-contact.consumer';
import { CustomerContactRepository } from './customer-contact.repository';
import { CustomerDomainEvents } from './customer-domain-events';
import { CustomerLocationConsumer } from './customer-location.consumer';
import { CustomerVehicleConsumer } from './customer-vehicle.consumer';
import { CustomerVehicleRepository } from './customer-vehicle.repository';
import { ErasedCustomerRepository } from './erased-customer.repository';
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
    ErasedCustomerRepository,
  ],
  exports: [
    CustomerLocationRepository,
    CustomerContactRepository,
    CustomerDomainEvents,
    CustomerVehicleRepository,
  ],
})
export class CustomersModule {}
