import { DynamicModule, Module } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log';
import { CustomerRepository } from '../customers/customer.repository';
import { CustomerMasterDataRepository } from './customer-data.repository';
import { CustomerExportController } from './customer-export.controller';
import { CustomerExportService } from './customer-export.service';
import { EXPORT_SOURCES, ExportSource } from './export-sources';

/** `GET /customers/{id}/export`: the person's data gathered from every service named in `sources`. */
@Module({})
export class CustomerExportModule {
  static register(sources: ExportSource[]): DynamicModule {
    return {
      module: CustomerExportModule,
      controllers: [CustomerExportController],
      providers: [
        { provide: EXPORT_SOURCES, useValue: sources },
        CustomerExportService,
        CustomerMasterDataRepository,
        CustomerRepository,
        AuditLog,
      ],
    };
  }
}
