import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerDomainEvents } from '../customers/customer-domain-events';
import { NotificationRepository } from './notification.repository';

/** An erased customer's messages are forgotten in the transaction that erases their contact details. */
@Injectable()
export class CustomerErasedHandler implements OnModuleInit {
  constructor(
    private readonly events: CustomerDomainEvents,
    private readonly notifications: NotificationRepository,
  ) {}

  onModuleInit(): void {
    this.events.on('customer.erased', ({ customerId }, tx) =>
      this.notifications.forgetCustomer(tx, customerId),
    );
  }
}
