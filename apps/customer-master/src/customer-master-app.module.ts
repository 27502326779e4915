import { DynamicModule, Module } from '@nestjs/common';
import { PlatformConfig } from '@crm/config';
import { PlatformModule } from '@crm/platform';
import { CustomerMasterModule } from './customer-master.module';
import { CustomerExportModule } from './data-export/customer-export.module';
import { ExportSource } from './data-export/export-sources';
import { customerMasterMigrations } from './migrations';

/** customer-master deployed alone: its own database schema, migrations, transport and cache. */
@Module({})
export class CustomerMasterAppModule {
  static forRoot(config: PlatformConfig & { EXPORT_SOURCES?: ExportSource[] }): DynamicModule {
    return {
      module: CustomerMasterAppModule,
      imports: [
        PlatformModule.forRoot({ service: 'customer-master', config, migrations: customerMasterMigrations }),
        CustomerMasterModule,
        CustomerExportModule.register(config.EXPORT_SOURCES ?? []),
      ],
    };
  }
}

export const CUSTOMER_MASTER_API = {
  title: 'CRM customer master',
  description: 'The one customer record: customers, their vehicles, dealers and repair stations.',
};
