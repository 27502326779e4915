import { Module } from '@nestjs/common';
import { AnalyticsCustomerDataController } from './analytics-customer-data.controller';
import { AnalyticsCustomerDataRepository } from './analytics-customer-data.repository';

/** Analytics' part of a person's data export (its erasure is the projections' own, on customer.erased). */
@Module({ controllers: [AnalyticsCustomerDataController], providers: [AnalyticsCustomerDataRepository] })
export class PrivacyModule {}
