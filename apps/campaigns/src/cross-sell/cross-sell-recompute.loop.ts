import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WakePollLoop } from '@crm/messaging';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from '../campaigns-settings';
import { CrossSellRecompute } from './cross-sell-recompute';

/** How often each instance looks whether a recompute is due (one indexed read). */
const CHECK_INTERVAL_MS = 60_000;

/**
 * Recomputes the rules and offers when the configured interval has passed since the last run, looking in every
 * instance; the recompute's advisory lock lets one run at a time. Off when no interval is configured.
 */
@Injectable()
export class CrossSellRecomputeLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: WakePollLoop;

  constructor(
    recompute: CrossSellRecompute,
    @Inject(CAMPAIGNS_SETTINGS) private readonly settings: CampaignsSettings,
  ) {
    this.loop = new WakePollLoop({
      name: CrossSellRecomputeLoop.name,
      pass: () => recompute.recomputeIfDue(),
      pollIntervalMs: CHECK_INTERVAL_MS,
    });
  }

  onApplicationBootstrap(): void {
    if (this.settings.backgroundJobs && this.settings.crossSell.recomputeMinutes !== null) this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
