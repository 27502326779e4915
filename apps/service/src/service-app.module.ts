import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { serviceMigrations } from './migrations';
import { ServiceModule } from './service.module';
import { PlatformConfig } from '@crm/config';
import { ServiceSettings } from './service-settings';

/** The service app deployed alone: its own database schema, migrations, transport and cache. */
@Module({})
export class ServiceAppModule {
  static forRoot(config: PlatformConfig, settings: ServiceSettings): DynamicModule {
    return {
      module: ServiceAppModule,
      imports: [
        PlatformModule.forRoot({ service: 'service', config, migrations: serviceMigrations }),
        ServiceModule.register(settings),
      ],
    };
  }
}

export const SERVICE_API = {
  title: 'CRM service',
  description:
    'Service tickets routed to the nearest able repair station, the station API, SLA escalation, satisfaction.',
};
