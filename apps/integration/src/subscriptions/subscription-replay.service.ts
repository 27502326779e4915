import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '@crm/auth';
import { Clock, InvalidInputError } from '@crm/core';
import { EventLogRepository } from './event-log.repository';
import { SubscriptionFanout } from './subscription-fanout.service';
import { SUBSCRIPTION_SETTINGS, SubscriptionSettings } from './subscription-settings';
import { SubscriptionService } from './subscription.service';

/** Sends again what a subscriber missed or lost: every logged event since a point in time, under its own webhook-id. */
@Injectable()
export class SubscriptionReplayService {
  constructor(
    private readonly access: SubscriptionService,
    private readonly eventLog: EventLogRepository,
    private readonly fanout: SubscriptionFanout,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(SUBSCRIPTION_SETTINGS) private readonly settings: SubscriptionSettings,
  ) {}

  /** Enqueues every logged event since `from` the subscription wants (type, partner, filters), oldest first. */
  async replay(principal: Principal, id: string, from: Date): Promise<number> {
    const subscription = await this.access.visible(principal, id);
    const now = this.clock.now();
    const horizon = new Date(now.getTime() - this.settings.eventLogRetentionMs);
    if (from < horizon || from > now)
      throw new InvalidInputError([
        {
          field: 'from',
          message: `must be between ${horizon.toISOString()} (the event log's retention) and now`,
        },
      ]);
    return this.dataSource.transaction(async (tx) => {
      const events = await this.eventLog.since(tx, subscription.eventTypes, from);
      return this.fanout.enqueue(tx, [subscription], events, true);
    });
  }
}
