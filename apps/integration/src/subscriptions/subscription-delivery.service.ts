import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '@crm/auth';
import { Clock } from '@crm/core';
import { afterCommit } from '@crm/messaging';
import { Subscription } from './subscription';
import { SubscriptionDelivery } from './subscription-delivery';
import { SubscriptionDeliveryRepository } from './subscription-delivery.repository';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionService } from './subscription.service';
import { SubscriptionDispatcher } from './subscription.dispatcher';

/** A subscription's delivery log, and the resume that catches up, in order, with what waited while it was paused. */
@Injectable()
export class SubscriptionDeliveryService {
  constructor(
    private readonly access: SubscriptionService,
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: SubscriptionDeliveryRepository,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly dispatcher: SubscriptionDispatcher,
  ) {}

  async log(principal: Principal, id: string, limit: number): Promise<SubscriptionDelivery[]> {
    await this.access.visible(principal, id);
    return this.deliveries.forSubscription(id, limit);
  }

  async resume(principal: Principal, id: string): Promise<Subscription> {
    await this.access.visible(principal, id);
    await this.dataSource.transaction(async (tx) => {
      await this.subscriptions.resume(tx, id);
      await this.deliveries.dueNow(tx, id, this.clock.now());
      afterCommit(tx, () => this.dispatcher.wake());
    });
    return this.access.visible(principal, id);
  }
}
