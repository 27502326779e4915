import { PlatformConfig } from '@crm/config';
import { Clock } from '@crm/core';
import { AppHarness, AppHarnessOptions } from '@crm/testing';
import { INTEGRATION_API, IntegrationAppModule, IntegrationConfig } from '../src';
import { OFFER_SETTINGS, OfferSettings, offerSettings } from '../src/offers/offer-settings';
import {
  SUBSCRIPTION_SETTINGS,
  SubscriptionSettings,
  subscriptionSettings,
} from '../src/subscriptions/subscription-settings';

export interface IntegrationHarnessOptions extends AppHarnessOptions {
  /** Where inbound rows register customers and vehicles (another harness's customer-master). */
  customerMasterUrl?: string;
  /** Further INTEGRATION_* settings, e.g. the workflow's poll interval and attempts. */
  integration?: Partial<IntegrationConfig>;
  /** Event subscriptions' settings over the embedded defaults (local receivers over http allowed). */
  subscriptions?: Partial<SubscriptionSettings>;
  /** Offers' settings over the defaults (backgroundJobs: false to drive the scheduled pass by hand). */
  offers?: Partial<OfferSettings>;
  /** A FixedClock for retries and pauses; the system clock otherwise. */
  clock?: Clock;
}

/** integration on real PostgreSQL, Redis and Kafka (the fuzz suite finds it by this file's name). */
export class IntegrationHarness extends AppHarness {
  static async start(options: IntegrationHarnessOptions = {}): Promise<IntegrationHarness> {
    const settings = { ...subscriptionSettings({} as PlatformConfig), ...options.subscriptions };
    const booted = await AppHarness.boot(
      {
        schema: 'integration',
        api: INTEGRATION_API,
        appModule: (config) =>
          IntegrationAppModule.forRoot({
            ...config,
            INTEGRATION_CUSTOMER_MASTER_URL: options.customerMasterUrl,
            ...options.integration,
          }),
        override: (builder) => {
          builder.overrideProvider(SUBSCRIPTION_SETTINGS).useValue(settings);
          if (options.offers)
            builder
              .overrideProvider(OFFER_SETTINGS)
              .useValue({ ...offerSettings({} as PlatformConfig), ...options.offers });
          if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
        },
      },
      options,
    );
    return new IntegrationHarness(booted);
  }
}
