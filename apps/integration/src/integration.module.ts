import { Module } from '@nestjs/common';
import { IntegrationMessaging } from './integration-messaging';
import { VehicleSalesModule } from './vehicle-sales/vehicle-sales.module';
import { WorkflowModule } from './workflow/workflow.module';

/**
 * integration's concepts, one module per folder: what the back-office systems send in (vehicle sales from
 * dealers' DMS), mapped to CRM records by their external ids (ADR 0029).
 */
@Module({
  imports: [IntegrationMessaging, VehicleSalesModule, WorkflowModule],
})
export class IntegrationModule {}
