import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@crm/core';
import { QualityAlertChecker } from './quality-alert-checker';
import { addMonths } from './seasonal-baseline';

const CHECK_INTERVAL_MS = 3_600_000;

/**
 * Checks the last month and this one every hour (this month so far against a whole month's bound, so a jump
 * is caught before the month ends); one instance at a time, the others skip (the checker's advisory lock).
 */
@Injectable()
export class QualityAlertTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QualityAlertTimer.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly checker: QualityAlertChecker,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      const month = this.clock.now().toISOString().slice(0, 7);
      this.running = this.checker
        .checkUnlessRunning([addMonths(month, -1), month])
        .catch((error) => this.logger.warn(`quality alert check will run again: ${error}`))
        .finally(() => (this.running = undefined));
    }, CHECK_INTERVAL_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
