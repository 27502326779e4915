import { AppHarness, AppHarnessOptions } from '@crm/testing';
import { ANALYTICS_API, AnalyticsAppModule } from '../src';

/** analytics on real PostgreSQL, Redis and Kafka (the fuzz suite finds it by this file's name). */
export class AnalyticsHarness extends AppHarness {
  static async start(options: AppHarnessOptions = {}): Promise<AnalyticsHarness> {
    const booted = await AppHarness.boot(
      { schema: 'analytics', api: ANALYTICS_API, appModule: (config) => AnalyticsAppModule.forRoot(config) },
      options,
    );
    return new AnalyticsHarness(booted);
  }
}
