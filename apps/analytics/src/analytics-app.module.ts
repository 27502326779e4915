import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { AnalyticsConfig } from './analytics.config';
import { ANALYTICS_SERVICE } from './analytics.constants';
import { AnalyticsModule } from './analytics.module';
import { analyticsMigrations } from './migrations';

/** analytics deployed alone: its own schema, migrations, transport and cache. */
@Module({})
export class AnalyticsAppModule {
  static forRoot(config: AnalyticsConfig): DynamicModule {
    return {
      module: AnalyticsAppModule,
      imports: [
        PlatformModule.forRoot({ service: ANALYTICS_SERVICE, config, migrations: analyticsMigrations }),
        AnalyticsModule,
      ],
    };
  }
}

export const ANALYTICS_API = {
  title: 'CRM analytics',
  description:
    'Reports from projections built only from events: service KPIs and station scorecards, sales performance per rep and dealer, and complaint rates with quality alerts, each stating its window and freshness.',
};
