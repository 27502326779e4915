import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { BackdatingClock } from '@crm/core';
import { PlatformModule } from '@crm/platform';
import { CallCenterModule, callCenterMigrations } from '@crm/app-call-center';
import {
  CustomerExportModule,
  CustomerMasterModule,
  customerMasterMigrations,
} from '@crm/app-customer-master';
import { IdentityModule, identityMigrations } from '@crm/app-identity';
import {
  DEFAULT_SERVICE_SETTINGS,
  LOCAL_WEBHOOK_TARGETS,
  serviceMigrations,
  ServiceModule,
} from '@crm/app-service';
import { SalesModule, salesMigrations } from '@crm/app-sales';
import { CampaignsModule, campaignsMigrations, DEFAULT_CAMPAIGNS_SETTINGS } from '@crm/app-campaigns';
import { AnalyticsModule, analyticsMigrations } from '@crm/app-analytics';
import { IntegrationModule, integrationMigrations } from '@crm/app-integration';
import { WebTrackingModule, webTrackingMigrations } from '@crm/app-web-tracking';
import { AllInOneConfig } from './all-in-one.config';
import { DEMO_SEED_OPTIONS, DemoSeedService } from './demo-seed/demo-seed.service';
import { DemoHistorySeeder } from './demo-seed/demo-history.seeder';
import { DemoSeedStartup } from './demo-seed/demo-seed.startup';

/** Every service module in one process, on one database (each in its own schema) and the in-process bus. */
@Module({})
export class AllInOneModule {
  static forRoot(config: AllInOneConfig): DynamicModule {
    // The system clock, which the demo seed backdates for the work of its past months (ADR 0058).
    const clock = new BackdatingClock();
    return {
      module: AllInOneModule,
      imports: [
        PlatformModule.forRoot({
          service: 'all-in-one',
          config,
          clock,
          migrations: [
            ...identityMigrations,
            ...customerMasterMigrations,
            ...serviceMigrations,
            ...callCenterMigrations,
            ...salesMigrations,
            ...campaignsMigrations,
            ...analyticsMigrations,
            ...integrationMigrations,
            ...webTrackingMigrations,
          ],
        }),
        IdentityModule,
        CustomerMasterModule,
        // One process serves every part of a person's export: the customer master asks itself.
        CustomerExportModule.register([
          { name: 'service', url: publicUrl(config) },
          { name: 'call-center', url: publicUrl(config) },
          { name: 'sales', url: publicUrl(config) },
          { name: 'campaigns', url: publicUrl(config) },
          { name: 'analytics', url: publicUrl(config) },
          { name: 'web-tracking', url: publicUrl(config) },
        ]),
        ServiceModule.register({
          ...DEFAULT_SERVICE_SETTINGS,
          // The embedded default runs on one machine, its demo receivers beside it.
          ...LOCAL_WEBHOOK_TARGETS,
          // The console's survey page, which answers through the JSON API at /survey/<token>.
          surveyBaseUrl: `${publicUrl(config)}/console/survey/`,
        }),
        CallCenterModule,
        SalesModule,
        CampaignsModule.register({
          ...DEFAULT_CAMPAIGNS_SETTINGS,
          // No mail server or SMS gateway here: campaign mail goes through the whole pipeline into .eml files in the
          // data folder, SMS are discarded at the end, so SMS quiet hours protect nobody (and would hold the demo's
          // SMS until morning). The unsubscribe links of one run verify only in that run.
          mailFolder: join(config.DATA_DIR, 'campaign-mail'),
          discardSms: true,
          quietHours: { ...DEFAULT_CAMPAIGNS_SETTINGS.quietHours, sms: null },
          unsubscribeSecret: randomBytes(32).toString('base64url'),
          unsubscribeBaseUrl: `${publicUrl(config)}/unsubscribe/`,
          // Opens and clicks come back to this process, as the unsubscribes do.
          trackingBaseUrl: `${publicUrl(config)}/t/`,
        }),
        AnalyticsModule,
        IntegrationModule,
        // The embedded default names no site origins: its beacon refuses every page (a site uses web-tracking deployed).
        WebTrackingModule,
      ],
      providers: [
        {
          provide: DEMO_SEED_OPTIONS,
          useValue: { enabled: config.DEMO_SEED, customers: config.DEMO_CUSTOMERS, dataDir: config.DATA_DIR },
        },
        { provide: BackdatingClock, useValue: clock },
        DemoSeedService,
        DemoHistorySeeder,
        DemoSeedStartup,
      ],
    };
  }
}

function publicUrl(config: AllInOneConfig): string {
  return `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
}

export const ALL_IN_ONE_API = {
  title: 'CRM platform (all services)',
  description:
    'Customer master, identity, service tickets and the call center in one process: find a customer, record a complaint, follow the ticket.',
};
