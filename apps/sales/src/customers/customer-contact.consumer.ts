import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerMerged, CustomerRegistered, CustomerUpdated } from '@crm/contracts';
import { ErasedCustomers, EventSubscriber, eventOrderOf } from '@crm/messaging';
import { toCustomerContact } from './customer-contact';
import { CustomerContactRepository } from './customer-contact.repository';

/** The consumer group of every customer event in sales, erasure included, so one customer's events apply in order. */
export const CUSTOMER_CONSUMER = 'customer-contacts';

/**
 * Keeps the customers leads are matched against; a merge re-points sales records to the survivor. An erased
 * customer (privacy/) is never brought back by a replayed event.
 */
@Injectable()
export class CustomerContactConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly contacts: CustomerContactRepository,
    private readonly erased: ErasedCustomers,
  ) {}

  onModuleInit(): void {
    for (const definition of [CustomerRegistered, CustomerUpdated]) {
      this.subscriber.on(CUSTOMER_CONSUMER, definition, async (event, tx) => {
        if (!(await this.erased.isErased(tx, event.payload.customerId)))
          await this.contacts.save(tx, toCustomerContact(event.payload), eventOrderOf(event));
      });
    }
    this.subscriber.on(CUSTOMER_CONSUMER, CustomerMerged, async (event, tx) => {
      const { mergedId, survivorId, survivor } = event.payload;
      await this.contacts.remove(tx, mergedId);
      await this.contacts.save(tx, toCustomerContact(survivor), eventOrderOf(event));
      await this.contacts.repoint(tx, mergedId, survivorId);
    });
  }
}
