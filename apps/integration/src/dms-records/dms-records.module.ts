import { Module } from '@nestjs/common';
import { ExternalRefsModule } from '../external-refs/external-refs.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { IntegrationMessaging } from '../integration-messaging';
import { VehicleSalesModule } from '../vehicle-sales/vehicle-sales.module';
import { DmsRecordCancellationController } from './dms-record-cancellation.controller';
import { DmsRecordCancellationService } from './dms-record-cancellation.service';
import { DmsRecordImportController } from './dms-record-import.controller';
import { DmsRecordImportService } from './dms-record-import.service';
import { DmsRecordReferences } from './dms-record-references';

/**
 * Orders, invoices, payments and paid repairs from dealers' and stations' DMS, and their cancellations, published by
 * integration (ADR 0042, 0054).
 */
@Module({
  imports: [IntegrationMessaging, ExternalRefsModule, IdempotencyModule, VehicleSalesModule],
  controllers: [DmsRecordImportController, DmsRecordCancellationController],
  providers: [DmsRecordReferences, DmsRecordImportService, DmsRecordCancellationService],
})
export class DmsRecordsModule {}
