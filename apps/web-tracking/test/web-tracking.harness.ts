import { PlatformConfig } from '@crm/config';
import { Clock } from '@crm/core';
import { AppHarness, AppHarnessOptions } from '@crm/testing';
import { WEB_TRACKING_API, WebTrackingAppModule } from '../src';
import {
  WEB_TRACKING_SETTINGS,
  WebTrackingSettings,
  webTrackingSettings,
} from '../src/web-tracking-settings';

export const SITE_ORIGIN = 'https://www.aurora-motors.example';
export const SITE_SECRET = 'the-site-secret-of-at-least-32-characters';
export const CAMPAIGN_LINK_SECRET = 'the-campaign-link-secret-of-32-characters';

export interface WebTrackingHarnessOptions extends AppHarnessOptions {
  settings?: Partial<WebTrackingSettings>;
  clock?: Clock;
}

/** web-tracking on real PostgreSQL, Redis and Kafka (the fuzz suite finds it by this file's name). */
export class WebTrackingHarness extends AppHarness {
  static async start(options: WebTrackingHarnessOptions = {}): Promise<WebTrackingHarness> {
    const settings: WebTrackingSettings = {
      ...webTrackingSettings({} as PlatformConfig),
      siteOrigins: [SITE_ORIGIN],
      siteSecret: SITE_SECRET,
      campaignLinkSecret: CAMPAIGN_LINK_SECRET,
      backgroundJobs: false,
      ...options.settings,
    };
    const booted = await AppHarness.boot(
      {
        schema: 'web_tracking',
        api: WEB_TRACKING_API,
        appModule: (config) => WebTrackingAppModule.forRoot(config),
        override: (builder) => {
          builder.overrideProvider(WEB_TRACKING_SETTINGS).useValue(settings);
          if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
        },
      },
      options,
    );
    return new WebTrackingHarness(booted);
  }
}
