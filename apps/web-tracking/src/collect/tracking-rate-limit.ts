import { Inject, Injectable } from '@nestjs/common';
import { Clock, TooManyRequestsError } from '@crm/core';
import { CacheStore } from '@crm/observability';
import { WEB_TRACKING_SETTINGS, WebTrackingSettings } from '../web-tracking-settings';

const WINDOW_SECONDS = 60;

/**
 * Fixed one-minute windows counted in the shared cache (Redis when deployed), so every replica counts
 * together: per IP address (a flood from one place) and per visitor id (one browser, or one forged id).
 */
@Injectable()
export class TrackingRateLimit {
  constructor(
    private readonly cache: CacheStore,
    private readonly clock: Clock,
    @Inject(WEB_TRACKING_SETTINGS) private readonly settings: WebTrackingSettings,
  ) {}

  async checkAddress(address: string | undefined): Promise<void> {
    await this.check(`ip:${address ?? 'unknown'}`, this.settings.ratePerIpPerMinute);
  }

  async checkVisitor(visitorId: string): Promise<void> {
    await this.check(`visitor:${visitorId}`, this.settings.ratePerVisitorPerMinute);
  }

  private async check(subject: string, limit: number): Promise<void> {
    const seconds = Math.floor(this.clock.now().getTime() / 1000);
    const window = Math.floor(seconds / WINDOW_SECONDS);
    const count = await this.cache.increment(`web-tracking:rate:${window}:${subject}`, WINDOW_SECONDS);
    if (count > limit)
      throw new TooManyRequestsError(
        'Too many page views; slow down',
        WINDOW_SECONDS - (seconds % WINDOW_SECONDS),
      );
  }
}
