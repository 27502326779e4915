import { Module } from '@nestjs/common';
import { SalesMessaging } from '../sales-messaging';
import { CustomerContactConsumer } from './customer-contact.consumer';
import { CustomerContactRepository } from './customer-contact.repository';
import { ErasedCustomerRepository } from './erased-customer.repository';

/** What sales keeps of customers from the customer master: whom a new lead may already be. */
@Module({
  imports: [SalesMessaging],
  providers: [CustomerContactRepository, ErasedCustomerRepository, CustomerContactConsumer],
  exports: [CustomerContactRepository, ErasedCustomerRepository],
})
export class CustomersModule {}
