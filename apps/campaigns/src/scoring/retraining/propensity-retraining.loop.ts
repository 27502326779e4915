import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WakePollLoop } from '@crm/messaging';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from '../../campaigns-settings';
import { PropensityRetrainingService } from './propensity-retraining.service';

/** How often each instance looks for an objective due (one indexed update); the schedules are in hours. */
const CHECK_INTERVAL_MS = 60_000;

/** Retrains the objectives whose schedule is due, in every instance; a claimed schedule is skipped by the others. */
@Injectable()
export class PropensityRetrainingLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: WakePollLoop;

  constructor(
    retraining: PropensityRetrainingService,
    @Inject(CAMPAIGNS_SETTINGS) private readonly settings: CampaignsSettings,
  ) {
    this.loop = new WakePollLoop({
      name: PropensityRetrainingLoop.name,
      pass: () => retraining.retrainDue(),
      pollIntervalMs: CHECK_INTERVAL_MS,
    });
  }

  onApplicationBootstrap(): void {
    if (this.settings.backgroundJobs) this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
