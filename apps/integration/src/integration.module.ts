import { Module } from '@nestjs/common';
import { DmsRecordsModule } from './dms-records/dms-records.module';
import { IntegrationMessaging } from './integration-messaging';
import { OffersModule } from './offers/offers.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { VehicleSalesModule } from './vehicle-sales/vehicle-sales.module';
import { WorkflowModule } from './workflow/workflow.module';

/**
 * integration's concepts, one module per folder: what the back-office systems send in (vehicle sales from
 * dealers' DMS; orders, invoices, payments and paid repairs from dealers' and stations' DMS, ADR 0042), mapped to
 * CRM records by their external ids (ADR 0029); and what goes out to them: event subscriptions (ADR 0037) and offers
 * to billing (ADR 0043).
 */
@Module({
  imports: [
    IntegrationMessaging,
    VehicleSalesModule,
    DmsRecordsModule,
    SubscriptionsModule,
    WorkflowModule,
    OffersModule,
  ],
})
export class IntegrationModule {}
