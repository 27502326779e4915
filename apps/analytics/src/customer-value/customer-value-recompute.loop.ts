import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WakePollLoop } from '@crm/messaging';
import { CustomerValueRecompute } from './customer-value-recompute';
import { CUSTOMER_VALUE_SETTINGS, CustomerValueSettings } from './customer-value-settings';

/**
 * Recomputes customer value on a schedule in every instance; the recompute's advisory lock lets one run at a
 * time, and an instance finding it taken skips its turn.
 */
@Injectable()
export class CustomerValueRecomputeLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: WakePollLoop;

  constructor(
    recompute: CustomerValueRecompute,
    @Inject(CUSTOMER_VALUE_SETTINGS) settings: CustomerValueSettings,
  ) {
    this.loop = new WakePollLoop({
      name: CustomerValueRecomputeLoop.name,
      pass: () => recompute.run(false),
      pollIntervalMs: settings.recomputeMinutes * 60_000,
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
