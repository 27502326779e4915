import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { StartupGate } from '@crm/observability';
import { DEMO_SEED_OPTIONS, DemoLogin, DemoSeedOptions, DemoSeedService } from './demo-seed.service';

const HOLD = 'demo-seed';

/**
 * Keeps the embedded default out of traffic (/health/ready 503) from boot until the demo seed has
 * finished, so nobody meets a half-seeded CRM; the hold is opened before the port opens.
 */
@Injectable()
export class DemoSeedStartup implements OnModuleInit {
  private release: (() => void) | null = null;

  constructor(
    @Inject(DEMO_SEED_OPTIONS) private readonly options: DemoSeedOptions,
    private readonly gate: StartupGate,
    private readonly seed: DemoSeedService,
  ) {}

  onModuleInit(): void {
    if (this.options.enabled) this.release = this.gate.hold(HOLD, 'seeding demo data on first start');
  }

  async run(): Promise<DemoLogin[]> {
    if (!this.options.enabled) return [];
    try {
      const logins = await this.seed.seedOnce();
      this.release?.();
      return logins;
    } catch (error) {
      this.gate.fail(HOLD, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
}
