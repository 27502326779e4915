import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { PageViewRepository } from '../collect/page-view.repository';
import { VisitorRepository } from '../visitors/visitor.repository';
import { WEB_TRACKING_SETTINGS, WebTrackingSettings } from '../web-tracking-settings';

const BATCH = 5_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Deletes raw page views older than WEB_TRACKING_RETENTION_DAYS, and anonymous visitors unseen as long, in batches of
 * 5,000 (one short transaction each, so the beacon's inserts never wait long); every hour on each replica (a second
 * replica finds little left). Profiles stay: they describe the kept window from the customer's next view on.
 */
@Injectable()
export class PageViewRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PageViewRetention.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly pageViews: PageViewRepository,
    private readonly visitors: VisitorRepository,
    private readonly clock: Clock,
    @Inject(WEB_TRACKING_SETTINGS) private readonly settings: WebTrackingSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.backgroundJobs) return;
    this.timer = setInterval(() => {
      this.purge().catch((error: unknown) => this.logger.error(error));
    }, HOUR_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Answers how many page views and visitors went. */
  async purge(): Promise<{ pageViews: number; visitors: number }> {
    const before = new Date(this.clock.now().getTime() - this.settings.retentionDays * DAY_MS);
    const pageViews = await this.drain((tx) => this.pageViews.deleteBefore(tx, before, BATCH));
    const visitors = await this.drain((tx) => this.visitors.deleteAnonymousBefore(tx, before, BATCH));
    return { pageViews, visitors };
  }

  private async drain(batch: (tx: EntityManager) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.uow.run(batch);
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }
}
