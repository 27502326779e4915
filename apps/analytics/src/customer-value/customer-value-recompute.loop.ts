import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WakePollLoop } from '@crm/messaging';
import { CustomerValueRecompute } from './customer-value-recompute';

/** How often each instance looks whether a recompute is due (two indexed max() reads). */
const CHECK_INTERVAL_MS = 10_000;

/**
 * Recomputes customer value when purchases arrived or the configured interval passed, looking in every
 * instance; the recompute's advisory lock lets one run at a time, and an instance finding it taken skips.
 */
@Injectable()
export class CustomerValueRecomputeLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: WakePollLoop;

  constructor(recompute: CustomerValueRecompute) {
    this.loop = new WakePollLoop({
      name: CustomerValueRecomputeLoop.name,
      pass: () => recompute.recomputeIfDue(),
      pollIntervalMs: CHECK_INTERVAL_MS,
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
