import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@crm/core';
import { WakePollLoop } from '@crm/messaging';
import { EventLogRepository } from './event-log.repository';
import { SUBSCRIPTION_SETTINGS, SubscriptionSettings } from './subscription-settings';

const HOUR_MS = 3_600_000;

/** Keeps the event log bounded: hourly, what is older than the retention goes (replays cannot reach before it). */
@Injectable()
export class EventLogRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: WakePollLoop;

  constructor(
    private readonly eventLog: EventLogRepository,
    private readonly clock: Clock,
    @Inject(SUBSCRIPTION_SETTINGS) private readonly settings: SubscriptionSettings,
  ) {
    this.loop = new WakePollLoop({
      name: EventLogRetention.name,
      pass: () => this.prune(),
      pollIntervalMs: HOUR_MS,
    });
  }

  onApplicationBootstrap(): void {
    if (this.settings.backgroundJobs) this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  prune(): Promise<number> {
    return this.eventLog.prune(new Date(this.clock.now().getTime() - this.settings.eventLogRetentionMs));
  }
}
