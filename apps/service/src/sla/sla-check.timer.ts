import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@crm/core';
import { SERVICE_SETTINGS, ServiceSettings } from '../service-settings';
import { SlaChecker } from './sla-checker';

/** Runs the SLA check on an interval in production; tests call the checker with a fixed clock instead. */
@Injectable()
export class SlaCheckTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SlaCheckTimer.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly checker: SlaChecker,
    private readonly clock: Clock,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.backgroundJobs) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.checker
        .checkBreaches(this.clock.now())
        .catch((error) => this.logger.warn(`SLA check will run again: ${error}`))
        .finally(() => (this.running = undefined));
    }, this.settings.slaCheckIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
