import { AppHarness, AppHarnessOptions, HarnessedApp } from '@crm/testing';
import { CAMPAIGNS_API, CampaignsAppModule, CampaignsConfig } from '../src';

export interface CampaignsHarnessOptions extends AppHarnessOptions {
  /** campaigns's own settings (an SMTP server, a pace) on top of the platform configuration. */
  campaigns?: Partial<CampaignsConfig>;
  /** Replaces providers before the module compiles, e.g. the clock. */
  override?: HarnessedApp['override'];
}

/** campaigns on real PostgreSQL, Redis and Kafka (the fuzz suite finds it by this file's name). */
export class CampaignsHarness extends AppHarness {
  static async start(options: CampaignsHarnessOptions = {}): Promise<CampaignsHarness> {
    const booted = await AppHarness.boot(
      {
        schema: 'campaigns',
        api: CAMPAIGNS_API,
        appModule: (config) => CampaignsAppModule.forRoot({ ...config, ...options.campaigns }),
        override: options.override,
      },
      options,
    );
    return new CampaignsHarness(booted);
  }
}
