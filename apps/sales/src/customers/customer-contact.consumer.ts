import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerMerged, CustomerRegistered, CustomerUpdated } from '@crm/contracts';
import { ErasedCustomers, EventSubscriber } from '@crm/messaging';
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
      this.subscriber.on(CUSTOMER_CONSUMER, definition, async ({ payload }, tx) => {
        if (!(await this.erased.isErased(tx, payload.customerId)))
          await this.contacts.save(tx, toCustomerContact(payload));
      });
    }
    this.subscriber.on(CUSTOMER_CONSUMER, CustomerMerged, async ({ payload }, tx) => {
      await this.contacts.remove(tx, payload.mergedId);
      await this.contacts.save(tx, toCustomerContact(payload.survivor));
      await this.contacts.repoint(tx, payload.mergedId, payload.survivorId);
    });
  }
}
