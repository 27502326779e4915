import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerTagRequested } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { CustomerService } from './customer.service';

export const CUSTOMER_TAG_CONSUMER = 'workflow-customer-tags';

/** Workflow rules' add-tag commands (integration, ADR 0043), applied here because customer-master owns customers. */
@Injectable()
export class CustomerTagConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly customers: CustomerService,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(CUSTOMER_TAG_CONSUMER, CustomerTagRequested, ({ payload }, tx) =>
      this.customers.addTag(tx, payload.customerId, payload.tag),
    );
  }
}
