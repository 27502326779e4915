import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { SalesMessaging } from '../sales-messaging';
import { SalesCustomerDataController } from './customer-data.controller';
import { SalesCustomerDataRepository } from './customer-data.repository';
import { CustomerErasureConsumer } from './customer-erasure.consumer';
import { CustomerErasureService } from './customer-erasure.service';
import { PersonalRecordsRepository } from './personal-records.repository';
import { SalesErasureRepository } from './sales-erasure.repository';
import { SalesReadAudit } from './sales-read-audit';

/** Personal data in sales (ADR 0013): erasure from customer.erased, the export part, and the read audit. */
@Module({
  imports: [SalesMessaging, CustomersModule, SalesReadAudit],
  controllers: [SalesCustomerDataController],
  providers: [
    PersonalRecordsRepository,
    SalesErasureRepository,
    CustomerErasureService,
    CustomerErasureConsumer,
    SalesCustomerDataRepository,
  ],
})
export class PrivacyModule {}
