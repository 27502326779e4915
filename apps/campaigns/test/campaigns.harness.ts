import { AppHarness, AppHarnessOptions } from '@crm/testing';
import { CAMPAIGNS_API, CampaignsAppModule } from '../src';

/** campaigns on real PostgreSQL, Redis and Kafka (the fuzz suite finds it by this file's name). */
export class CampaignsHarness extends AppHarness {
  static async start(options: AppHarnessOptions = {}): Promise<CampaignsHarness> {
    const booted = await AppHarness.boot(
      { schema: 'campaigns', api: CAMPAIGNS_API, appModule: (config) => CampaignsAppModule.forRoot(config) },
      options,
    );
    return new CampaignsHarness(booted);
  }
}
