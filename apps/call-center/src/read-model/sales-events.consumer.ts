import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActivityLogged } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { READ_MODEL_CONSUMER } from '../call-center.constants';
import { Customer360Invalidator } from './customer-360.invalidator';
import { SalesActivityRepository } from './sales-activity.repository';

/** Sales activities with a known customer join that customer's timeline; the others are not the agent's concern. */
@Injectable()
export class SalesEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly activities: SalesActivityRepository,
    private readonly invalidator: Customer360Invalidator,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(READ_MODEL_CONSUMER, ActivityLogged, async ({ payload }, tx) => {
      if (!payload.customerId) return;
      await this.activities.insert(tx, { ...payload, customerId: payload.customerId });
      this.invalidator.afterCommit(tx, payload.customerId);
    });
  }
}
