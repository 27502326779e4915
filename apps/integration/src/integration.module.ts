import { Module } from '@nestjs/common';
import { DmsRecordsModule } from './dms-records/dms-records.module';
import { IntegrationMessaging } from './integration-messaging';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { VehicleSalesModule } from './vehicle-sales/vehicle-sales.module';
import { WorkflowModule } from './workflow/workflow.module';

/**
 * integration's concepts, one module per folder: what the back-office systems send in (vehicle sales from
 * dealers' DMS; orders, invoices, payments and paid repairs from dealers' and stations' DMS, ADR 0042), mapped to CRM records by their external ids (ADR 0029); and what goes out to them: event
 * subscriptions (ADR 0037).
 */
@Module({
  imports: [IntegrationMessaging, VehicleSalesModule, DmsRecordsModule, SubscriptionsModule, WorkflowModule],
})
export class IntegrationModule {}
