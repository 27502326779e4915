import { AppHarness, AppHarnessOptions } from '@crm/testing';
import { INTEGRATION_API, IntegrationAppModule, IntegrationConfig } from '../src';

export interface IntegrationHarnessOptions extends AppHarnessOptions {
  /** Where inbound rows register customers and vehicles (another harness's customer-master). */
  customerMasterUrl?: string;
  /** Further INTEGRATION_* settings, e.g. the workflow's poll interval and attempts. */
  integration?: Partial<IntegrationConfig>;
}

/** integration on real PostgreSQL, Redis and Kafka (the fuzz suite finds it by this file's name). */
export class IntegrationHarness extends AppHarness {
  static async start(options: IntegrationHarnessOptions = {}): Promise<IntegrationHarness> {
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
      },
      options,
    );
    return new IntegrationHarness(booted);
  }
}
