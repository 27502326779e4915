import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerErased } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { CUSTOMER_CONSUMER } from '../customers/customer-contact.consumer';
import { CustomerErasureService } from './customer-erasure.service';

/** customer.erased reaches sales in the replica's consumer group, so it applies after that customer's earlier events. */
@Injectable()
export class CustomerErasureConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly erasure: CustomerErasureService,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(CUSTOMER_CONSUMER, CustomerErased, ({ payload }, tx) =>
      this.erasure.erase(tx, payload.customerId),
    );
  }
}
