import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@crm/platform';
import { ExternalRefsModule } from '../external-refs/external-refs.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { CustomerMasterGateway } from './customer-master.gateway';
import { INBOUND_SETTINGS, inboundSettings } from './inbound-settings';
import { SellingDealers } from './selling-dealers';
import { VehicleSaleImportController } from './vehicle-sale-import.controller';
import { VehicleSaleImportService } from './vehicle-sale-import.service';

/** Inbound vehicle sales from dealers' DMS, registered through customer-master (ADR 0029). */
@Module({
  imports: [ExternalRefsModule, IdempotencyModule],
  controllers: [VehicleSaleImportController],
  providers: [
    { provide: INBOUND_SETTINGS, inject: [PLATFORM_CONFIG], useFactory: inboundSettings },
    CustomerMasterGateway,
    SellingDealers,
    VehicleSaleImportService,
  ],
  exports: [CustomerMasterGateway],
})
export class VehicleSalesModule {}
