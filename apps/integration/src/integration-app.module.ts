import { DynamicModule, Module } from '@nestjs/common';
import { PlatformConfig } from '@crm/config';
import { PlatformModule } from '@crm/platform';
import { IntegrationConfig } from './integration.config';
import { INTEGRATION_SERVICE } from './integration.constants';
import { IntegrationModule } from './integration.module';
import { integrationMigrations } from './migrations';

/** integration deployed alone: its own schema, migrations, transport and cache. */
@Module({})
export class IntegrationAppModule {
  /** A parsed configuration, or the platform's alone with some INTEGRATION_* values (tests): the rest default. */
  static forRoot(config: PlatformConfig & Partial<IntegrationConfig>): DynamicModule {
    return {
      module: IntegrationAppModule,
      imports: [
        PlatformModule.forRoot({ service: INTEGRATION_SERVICE, config, migrations: integrationMigrations }),
        IntegrationModule,
      ],
    };
  }
}

export const INTEGRATION_API = {
  title: 'CRM integration',
  description:
    "What the back-office systems send in: vehicle sales from dealers' DMS, registered through the customer master's duplicate rules and keyed by each source's ids, so sending them again changes nothing.",
};
