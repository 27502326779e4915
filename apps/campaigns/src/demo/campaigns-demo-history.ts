import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';

const POLL_MS = 5_000;
const GIVE_UP_MS = 10 * 60_000;

/**
 * Demo data only: moves a demo campaign a day back once it is sent (its send, freeze and recipients' sends), so a
 * one-day attribution window has closed on a first start and the settler publishes its recipients at once; the
 * promotion report then has response and lift to show. The demo's orders, visits and leads, made just before the
 * send, fall inside the moved window.
 */
@Injectable()
export class CampaignsDemoHistory implements OnApplicationShutdown {
  private readonly logger = new Logger(CampaignsDemoHistory.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  backdateOnceSent(campaignId: string): void {
    const giveUpAt = this.clock.now().getTime() + GIVE_UP_MS;
    const attempt = async () => {
      const done = await this.backdate(campaignId).catch((error: Error) => {
        this.logger.warn(`demo campaign ${campaignId} not moved back yet: ${error.message}`);
        return false;
      });
      this.timer = done || this.clock.now().getTime() > giveUpAt ? null : setTimeout(attempt, POLL_MS);
    };
    this.timer = setTimeout(attempt, POLL_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private backdate(campaignId: string): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const [moved] = await tx.query(
        `WITH moved AS (
           UPDATE campaigns.campaign SET send_at = send_at - interval '1 day', frozen_at = frozen_at - interval '1 day',
                  sent_at = sent_at - interval '1 day'
            WHERE id = $1 AND status = 'sent' RETURNING id)
         SELECT count(*)::int AS n FROM moved`,
        [campaignId],
      );
      if (moved.n === 0) return false;
      await tx.query(
        `UPDATE campaigns.campaign_recipient SET sent_at = sent_at - interval '1 day' WHERE campaign_id = $1`,
        [campaignId],
      );
      return true;
    });
  }
}
