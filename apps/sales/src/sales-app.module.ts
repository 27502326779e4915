import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { SalesConfig } from './sales.config';
import { SALES_SERVICE } from './sales.constants';
import { SalesModule } from './sales.module';
import { salesMigrations } from './migrations';

/** sales deployed alone: its own schema, migrations, transport and cache. */
@Module({})
export class SalesAppModule {
  static forRoot(config: SalesConfig): DynamicModule {
    return {
      module: SalesAppModule,
      imports: [
        PlatformModule.forRoot({ service: SALES_SERVICE, config, migrations: salesMigrations }),
        SalesModule,
      ],
    };
  }
}

export const SALES_API = {
  title: 'CRM sales',
  description:
    'Sales force automation: leads, opportunities in configurable pipelines, activities and the sales team hierarchy; each user sees their own records and those of everyone below them.',
};
