import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActivityLogged } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { READ_MODEL_CONSUMER } from '../call-center.constants';
import { Customer360Invalidator } from './customer-360.invalidator';
import { ErasedCustomerRepository } from './erased-customer.repository';
import { SalesActivityRepository } from './sales-activity.repository';

/**
 * Sales activities with a known customer join that customer's timeline; the others are not the agent's concern,
 * nor is an activity about an erased customer (it arrives on another topic, possibly after the erasure).
 */
@Injectable()
export class SalesEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly activities: SalesActivityRepository,
    private readonly invalidator: Customer360Invalidator,
    private readonly erased: ErasedCustomerRepository,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(READ_MODEL_CONSUMER, ActivityLogged, async ({ payload }, tx) => {
      if (!payload.customerId || (await this.erased.isErased(tx, payload.customerId))) return;
      await this.activities.insert(tx, { ...payload, customerId: payload.customerId });
      this.invalidator.afterCommit(tx, payload.customerId);
    });
  }
}
