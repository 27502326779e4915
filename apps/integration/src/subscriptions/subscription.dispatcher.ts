import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@crm/core';
import { RecordedAttempt } from '@crm/messaging';
import { SendResult, WebhookDispatcher, WebhookSender } from '@crm/webhooks';
import { SubscriberHealth } from './subscriber-health';
import { DueSubscriptionDelivery } from './subscription-delivery';
import { SubscriptionDeliveryRepository } from './subscription-delivery.repository';
import { SUBSCRIPTION_SETTINGS, SubscriptionSettings } from './subscription-settings';

/** Sends subscription deliveries through the same machinery as station webhooks, one at a time per subscriber. */
@Injectable()
export class SubscriptionDispatcher extends WebhookDispatcher<DueSubscriptionDelivery> {
  constructor(
    private readonly deliveries: SubscriptionDeliveryRepository,
    private readonly health: SubscriberHealth,
    sender: WebhookSender,
    dataSource: DataSource,
    clock: Clock,
    @Inject(SUBSCRIPTION_SETTINGS) settings: SubscriptionSettings,
  ) {
    super({ dataSource, sender, attempts: deliveries.attempts }, clock, {
      name: SubscriptionDispatcher.name,
      background: settings.backgroundJobs,
      pollIntervalMs: settings.pollIntervalMs,
    });
  }

  /** Passes until nothing is due: a delivered head makes the subscriber's next event due at once. */
  override async dispatchDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await super.dispatchDue();
      if (sent === 0) return total;
      total += sent;
    }
  }

  protected claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueSubscriptionDelivery[]> {
    return this.deliveries.claimDue(now, leaseUntil, limit);
  }

  protected afterAttempt(
    tx: EntityManager,
    item: DueSubscriptionDelivery,
    attempt: RecordedAttempt<SendResult>,
  ): Promise<void> {
    return this.health.afterAttempt(tx, item.subscriptionId, attempt);
  }
}
