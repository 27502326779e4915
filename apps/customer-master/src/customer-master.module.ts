import { ReadAuditModule } from '@crm/platform';
import { Module } from '@nestjs/common';
import { MessagingModule } from '@crm/messaging';
import { AuditLog } from './audit/audit-log';
import { CampaignOptOutConsumer } from './consent/campaign-opt-out.consumer';
import { CustomerTagConsumer } from './customers/customer-tag.consumer';
import { BatchRegistrationController } from './customers/batch-registration/batch-registration.controller';
import { BatchRegistrationService } from './customers/batch-registration/batch-registration.service';
import { BatchRowDrafter } from './customers/batch-registration/batch-row.drafter';
import { RegistrationWriter } from './customers/batch-registration/registration.writer';
import { CustomerController } from './customers/customer.controller';
import { CustomerRepository } from './customers/customer.repository';
import { CustomerService } from './customers/customer.service';
import { DuplicateFinder } from './customers/duplicate-finder';
import { CustomerErasureController } from './erasure/customer-erasure.controller';
import { CustomerErasureService } from './erasure/customer-erasure.service';
import { PersonalTracesRepository } from './erasure/personal-traces.repository';
import { MergedRecordRepository } from './erasure/merged-record.repository';
import { CustomerImportController } from './import/customer-import.controller';
import { CustomerImportService } from './import/customer-import.service';
import { DealerCodeRepository } from './import/dealer-code.repository';
import { ImportJobRepository } from './import/import-job.repository';
import { ImportRecovery } from './import/import-recovery';
import { ImportChunkWriter } from './import/import-chunk.writer';
import { CustomerMergeController } from './merge/customer-merge.controller';
import { CustomerMergePublisher } from './merge/customer-merge.publisher';
import { CustomerMergeService } from './merge/customer-merge.service';
import { PartnerLinkRepository } from './partner-links/partner-link.repository';
import { PartnerScopesRegistration } from './partner-links/partner-scopes.registration';
import { PartnerController } from './partners/partner.controller';
import { PartnerRepository } from './partners/partner.repository';
import { PartnerService } from './partners/partner.service';
import { VehicleController } from './vehicles/vehicle.controller';
import { VehicleRepository } from './vehicles/vehicle.repository';
import { VehicleEventPublisher } from './vehicles/vehicle-event.publisher';
import { VehicleService } from './vehicles/vehicle.service';
import { CustomerSearchController } from './search/customer-search.controller';
import { CustomerSearchRepository } from './search/customer-search.repository';
import { CustomerSearchService } from './search/customer-search.service';

export const CUSTOMER_MASTER_SCHEMA = 'customer_master';

/** The one customer record every department shares: customers, vehicles, partners. */
@Module({
  imports: [
    MessagingModule.forService({ service: 'customer-master', schema: CUSTOMER_MASTER_SCHEMA }),
    ReadAuditModule.forService({
      schema: CUSTOMER_MASTER_SCHEMA,
      // Lookups are the agents' hottest route: no WAL flush wait per audit row (ADR 0023).
      asynchronousCommit: true,
      rules: {
        'GET /customers': 'customer.list',
        'GET /customers/search': 'customer.search',
        'GET /customers/:id': 'customer.read',
        'GET /customers/:id/vehicles': 'customer.vehicles',
        'GET /customers/:id/audit': 'customer.audit',
        'GET /vehicles/:vehicleId': 'vehicle.read',
        'GET /dealer/vehicles': 'dealer.vehicle.list',
      },
    }),
  ],
  controllers: [
    CustomerSearchController,
    BatchRegistrationController,
    CustomerController,
    VehicleController,
    PartnerController,
    CustomerMergeController,
    CustomerErasureController,
    CustomerImportController,
  ],
  providers: [
    AuditLog,
    CustomerRepository,
    CustomerSearchRepository,
    CustomerSearchService,
    CustomerService,
    BatchRegistrationService,
    BatchRowDrafter,
    RegistrationWriter,
    DuplicateFinder,
    PartnerLinkRepository,
    PartnerScopesRegistration,
    PartnerRepository,
    PartnerService,
    VehicleRepository,
    VehicleService,
    VehicleEventPublisher,
    CustomerMergeService,
    CustomerMergePublisher,
    CustomerErasureService,
    PersonalTracesRepository,
    MergedRecordRepository,
    CustomerImportService,
    ImportChunkWriter,
    ImportJobRepository,
    ImportRecovery,
    DealerCodeRepository,
    CampaignOptOutConsumer,
    CustomerTagConsumer,
  ],
  exports: [CustomerService, PartnerService, VehicleService],
})
export class CustomerMasterModule {}
