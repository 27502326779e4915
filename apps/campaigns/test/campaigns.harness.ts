import { Clock } from '@crm/core';
import { AppHarness, AppHarnessOptions } from '@crm/testing';
import { CAMPAIGNS_API, CampaignsAppModule, CampaignsConfig } from '../src';

export interface CampaignsHarnessOptions extends AppHarnessOptions {
  /** campaigns's own settings (an SMTP server, a pace) on top of the platform configuration. */
  campaigns?: Partial<CampaignsConfig>;
  /** A clock to run on instead of the system's, for schedules, triggers and quiet hours. */
  clock?: Clock;
}

/** campaigns on real PostgreSQL, Redis and Kafka (the fuzz suite finds it by this file's name). */
export class CampaignsHarness extends AppHarness {
  static async start(options: CampaignsHarnessOptions = {}): Promise<CampaignsHarness> {
    const booted = await AppHarness.boot(
      {
        schema: 'campaigns',
        api: CAMPAIGNS_API,
        appModule: (config) => CampaignsAppModule.forRoot({ ...config, ...options.campaigns }),
        override: (builder) => {
          if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
        },
      },
      options,
    );
    return new CampaignsHarness(booted);
  }
}
