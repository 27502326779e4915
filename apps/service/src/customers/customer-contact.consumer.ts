import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased, CustomerMerged, CustomerRegistered, CustomerUpdated } from '@crm/contracts';
import { ErasedCustomers, EventSubscriber, eventOrderOf } from '@crm/messaging';
import { toCustomerContact } from './customer-contact';
import { CustomerDomainEvents } from './customer-domain-events';
import { CustomerContactRepository } from './customer-contact.repository';

/** A consumer group of its own, so a deployment that had only locations replays the topic and fills contacts in. */
const CONSUMER = 'customer-contacts';

/** Keeps what customer notifications need from the customer master; an erased customer is forgotten here too. */
@Injectable()
export class CustomerContactConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly contacts: CustomerContactRepository,
    private readonly events: CustomerDomainEvents,
    private readonly erased: ErasedCustomers,
  ) {}

  onModuleInit(): void {
    for (const definition of [CustomerRegistered, CustomerUpdated]) {
      this.subscriber.on(CONSUMER, definition, async (event, tx) => {
        if (!(await this.erased.isErased(tx, event.payload.customerId)))
          await this.contacts.save(tx, toCustomerContact(event.payload), eventOrderOf(event));
      });
    }
    this.subscriber.on(CONSUMER, CustomerMerged, async (event, tx) => {
      await this.contacts.remove(tx, event.payload.mergedId);
      await this.contacts.save(tx, toCustomerContact(event.payload.survivor), eventOrderOf(event));
    });
    this.subscriber.on(CONSUMER, CustomerErased, async ({ payload }, tx) => {
      await this.erased.tombstone(tx, payload.customerId);
      const known = await this.contacts.find(tx, payload.customerId);
      await this.contacts.remove(tx, payload.customerId);
      const contacts = known ? [...known.phones, ...known.emails] : [];
      await this.events.raise(tx, 'customer.erased', { customerId: payload.customerId, contacts });
    });
  }
}
