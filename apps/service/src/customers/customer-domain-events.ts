import { Injectable } from '@nestjs/common';
import { DomainEvents } from '@crm/messaging';

export interface CustomerDomainEventMap {
  /** The customer master erased a customer: whatever this service keeps about them goes too. */
  'customer.erased': { customerId: string; contacts: string[] };
}

/** What the customer replicas tell the rest of the service, in the transaction that applied the change. */
@Injectable()
export class CustomerDomainEvents extends DomainEvents<CustomerDomainEventMap> {}
