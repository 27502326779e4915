import { DynamicModule, Module } from '@nestjs/common';
import { PlatformConfig } from '@crm/config';
import { PlatformModule } from '@crm/platform';
import { CustomerMasterModule } from './customer-master.module';
import { customerMasterMigrations } from './migrations';

/** customer-master deployed alone: its own database schema, migrations, transport and cache. */
@Module({})
export class CustomerMasterAppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: CustomerMasterAppModule,
      imports: [
        PlatformModule.forRoot({ service: 'customer-master', config, migrations: customerMasterMigrations }),
        CustomerMasterModule,
      ],
    };
  }
}

export const CUSTOMER_MASTER_API = {
  title: 'CRM customer master',
  description: 'The one customer record: customers, their vehicles, dealers and repair stations.',
};
