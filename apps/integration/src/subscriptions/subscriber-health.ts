import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SubscriptionPaused } from '@crm/contracts';
import { EventFactory, Outbox, RecordedAttempt } from '@crm/messaging';
import { SendResult } from '@crm/webhooks';
import { SUBSCRIPTION_SETTINGS, SubscriptionSettings } from './subscription-settings';
import { SubscriptionRepository } from './subscription.repository';

/**
 * A subscriber that stays down is paused: after N consecutive failed attempts spanning at least T (the settings), no
 * more attempts are made and its owner is alerted by `subscription.paused`, in the transaction of the last attempt.
 */
@Injectable()
export class SubscriberHealth {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    @Inject(SUBSCRIPTION_SETTINGS) private readonly settings: SubscriptionSettings,
  ) {}

  async afterAttempt(
    tx: EntityManager,
    subscriptionId: string,
    attempt: RecordedAttempt<SendResult>,
  ): Promise<void> {
    const at = new Date(attempt.at);
    const health = await this.subscriptions.recordAttempt(tx, subscriptionId, attempt.delivered, at);
    if (health.status !== 'active' || !health.failingSince) return;
    const failingFor = at.getTime() - health.failingSince.getTime();
    if (
      health.consecutiveFailures < this.settings.pauseAfterFailures ||
      failingFor < this.settings.pauseAfterMs
    )
      return;
    const paused = await this.subscriptions.pause(tx, subscriptionId, at, attempt.error);
    await this.outbox.add(
      tx,
      this.events.create(SubscriptionPaused, subscriptionId, {
        subscriptionId,
        ownerId: paused.ownerId,
        partnerId: paused.partnerId,
        url: paused.url,
        consecutiveFailures: health.consecutiveFailures,
        failingSince: health.failingSince.toISOString(),
        pausedAt: at.toISOString(),
        lastError: attempt.error,
      }),
    );
  }
}
