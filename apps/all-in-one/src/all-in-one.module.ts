import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { CallCenterModule } from '../../call-center/src/call-center.module';
import { callCenterMigrations } from '../../call-center/src/migrations';
import { CustomerMasterModule } from '../../customer-master/src/customer-master.module';
import { customerMasterMigrations } from '../../customer-master/src/migrations';
import { IdentityModule } from '../../identity/src/identity.module';
import { identityMigrations } from '../../identity/src/migrations';
import { serviceMigrations } from '../../service/src/migrations';
import { ServiceModule } from '../../service/src/service.module';
import { DEFAULT_SERVICE_SETTINGS } from '../../service/src/service-settings';
import { AllInOneConfig } from './all-in-one.config';
import { DEMO_SEED_OPTIONS, DemoSeedService } from './demo-seed/demo-seed.service';

/** Every service module in one process, on one database (each in its own schema) and the in-process bus. */
@Module({})
export class AllInOneModule {
  static forRoot(config: AllInOneConfig): DynamicModule {
    return {
      module: AllInOneModule,
      imports: [
        PlatformModule.forRoot({
          service: 'all-in-one',
          config,
          migrations: [
            ...identityMigrations,
            ...customerMasterMigrations,
            ...serviceMigrations,
            ...callCenterMigrations,
          ],
        }),
        IdentityModule,
        CustomerMasterModule,
        ServiceModule.register({
          ...DEFAULT_SERVICE_SETTINGS,
          surveyBaseUrl: `${publicUrl(config)}/survey/`,
        }),
        CallCenterModule,
      ],
      providers: [
        {
          provide: DEMO_SEED_OPTIONS,
          useValue: { customers: config.DEMO_CUSTOMERS, dataDir: config.DATA_DIR },
        },
        DemoSeedService,
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
