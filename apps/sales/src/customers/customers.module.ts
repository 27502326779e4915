import { Module } from '@nestjs/common';
import { ErasedCustomers } from '@crm/messaging';
import { SalesMessaging } from '../sales-messaging';
import { SALES_SCHEMA } from '../sales.constants';
import { CustomerContactConsumer } from './customer-contact.consumer';
import { CustomerContactRepository } from './customer-contact.repository';

/** What sales keeps of customers from the customer master: whom a new lead may already be. */
@Module({
  imports: [SalesMessaging],
  providers: [
    CustomerContactRepository,
    { provide: ErasedCustomers, useValue: new ErasedCustomers(SALES_SCHEMA) },
    CustomerContactConsumer,
  ],
  exports: [CustomerContactRepository, ErasedCustomers],
})
export class CustomersModule {}
