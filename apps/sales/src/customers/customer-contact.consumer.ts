import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased, CustomerMerged, CustomerRegistered, CustomerUpdated } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { toCustomerContact } from './customer-contact';
import { CustomerContactRepository } from './customer-contact.repository';

const CONSUMER = 'customer-contacts';

/** Keeps the customers leads are matched against; a merge re-points sales records to the survivor. */
@Injectable()
export class CustomerContactConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly contacts: CustomerContactRepository,
  ) {}

  onModuleInit(): void {
    for (const definition of [CustomerRegistered, CustomerUpdated]) {
      this.subscriber.on(CONSUMER, definition, ({ payload }, tx) =>
        this.contacts.save(tx, toCustomerContact(payload)),
      );
    }
    this.subscriber.on(CONSUMER, CustomerMerged, async ({ payload }, tx) => {
      await this.contacts.remove(tx, payload.mergedId);
      await this.contacts.save(tx, toCustomerContact(payload.survivor));
      await this.contacts.repoint(tx, payload.mergedId, payload.survivorId);
    });
    this.subscriber.on(CONSUMER, CustomerErased, async ({ payload }, tx) => {
      await this.contacts.remove(tx, payload.customerId);
      await this.contacts.forget(tx, payload.customerId);
    });
  }
}
