import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { CampaignsConfig } from './campaigns.config';
import { CAMPAIGNS_SERVICE } from './campaigns.constants';
import { CampaignsModule } from './campaigns.module';
import { campaignsMigrations } from './migrations';

/** campaigns deployed alone: its own schema, migrations, transport and cache. */
@Module({})
export class CampaignsAppModule {
  static forRoot(config: CampaignsConfig): DynamicModule {
    return {
      module: CampaignsAppModule,
      imports: [
        PlatformModule.forRoot({ service: CAMPAIGNS_SERVICE, config, migrations: campaignsMigrations }),
        CampaignsModule,
      ],
    };
  }
}

export const CAMPAIGNS_API = {
  title: 'CRM campaigns',
  description:
    'Marketing campaigns: a customer replica from the customer master and segments of it (rule trees counted and previewed live).',
};
