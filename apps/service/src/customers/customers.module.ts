import { Module } from '@nestjs/common';
import { ServiceMessaging } from '../service-messaging';
import { CustomerContactConsumer } from './customer-contact.consumer';
import { CustomerContactRepository } from './customer-contact.repository';
import { CustomerDomainEvents } from './customer-domain-events';
import { CustomerLocationConsumer } from './customer-location.consumer';
import { CustomerLocationRepository } from './customer-location.repository';

/** What the service keeps of customers from the customer master: where they live and how to reach them. */
@Module({
  imports: [ServiceMessaging],
  providers: [
    CustomerLocationRepository,
    CustomerLocationConsumer,
    CustomerContactRepository,
    CustomerContactConsumer,
    CustomerDomainEvents,
  ],
  exports: [CustomerLocationRepository, CustomerContactRepository, CustomerDomainEvents],
})
export class CustomersModule {}
