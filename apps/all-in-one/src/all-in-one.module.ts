import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { CustomerMasterModule } from '../../customer-master/src/customer-master.module';
import { customerMasterMigrations } from '../../customer-master/src/migrations';
import { IdentityModule } from '../../identity/src/identity.module';
import { identityMigrations } from '../../identity/src/migrations';
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
          migrations: [...identityMigrations, ...customerMasterMigrations],
        }),
        IdentityModule,
        CustomerMasterModule,
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

export const ALL_IN_ONE_API = {
  title: 'CRM platform (all services)',
  description: 'Customer master, identity and the services built on them, in one process.',
};
