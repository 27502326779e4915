import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { PlatformConfig } from '@crm/config';
import { CampaignsConfig } from './campaigns.config';
import { campaignsSettings } from './campaigns-settings';
import { CAMPAIGNS_SERVICE } from './campaigns.constants';
import { CampaignsModule } from './campaigns.module';
import { campaignsMigrations } from './migrations';

/** campaigns deployed alone: its own schema, migrations, transport and cache. */
@Module({})
export class CampaignsAppModule {
  static forRoot(config: PlatformConfig & Partial<CampaignsConfig>): DynamicModule {
    return {
      module: CampaignsAppModule,
      imports: [
        PlatformModule.forRoot({ service: CAMPAIGNS_SERVICE, config, migrations: campaignsMigrations }),
        CampaignsModule.register(campaignsSettings(config)),
      ],
    };
  }
}

export const CAMPAIGNS_API = {
  title: 'CRM campaigns',
  description:
    'Marketing campaigns: a customer replica from the customer master, segments of it (rule trees counted and previewed live), and email campaigns to them: scheduled, frozen at send time, sent once per recipient with one-click unsubscribe. ' +
    'Propensity models per campaign objective (POST /campaign-models/{objective}/train) score customers 0-100 with ' +
    "their top features; a campaign's `targeting` ({ objective?, minScore?, topN? }) cuts its segment by score when " +
    'its recipients are frozen, so the frozen list is exactly the top N or those at or above the minimum.',
};
