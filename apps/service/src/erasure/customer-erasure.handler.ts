import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { eraseFromMessagingTables } from '@crm/messaging';
import { CustomerDomainEvents } from '../customers/customer-domain-events';
import { SERVICE_SCHEMA } from '../service-messaging';
import { ServiceErasureRepository } from './service-erasure.repository';

/**
 * The right to erasure in the service app, in the transaction that forgets the customer's contact details:
 * tickets, their history, repairs, webhook bodies, the dev mailbox and the outbox and dead letters.
 */
@Injectable()
export class CustomerErasureHandler implements OnModuleInit {
  constructor(
    private readonly events: CustomerDomainEvents,
    private readonly erasure: ServiceErasureRepository,
  ) {}

  onModuleInit(): void {
    this.events.on('customer.erased', ({ customerId, contacts }, tx) => this.erase(tx, customerId, contacts));
  }

  private async erase(tx: EntityManager, customerId: string, contacts: string[]): Promise<void> {
    const traces = await this.erasure.traces(tx, customerId, contacts);
    const values = traces.values.filter((v): v is string => !!v);
    await this.erasure.scrubTickets(tx, traces.ticketIds);
    await this.erasure.scrubWebhookBodies(tx, traces.ticketIds, values);
    await this.erasure.deleteMailbox(tx, contacts);
    await this.erasure.scrubOutboxLocations(tx, traces.ticketIds);
    await eraseFromMessagingTables(tx, SERVICE_SCHEMA, traces);
  }
}
