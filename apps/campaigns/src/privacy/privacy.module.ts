import { Module } from '@nestjs/common';
import { CampaignsCustomerDataController } from './customer-data.controller';
import { CampaignsCustomerDataRepository } from './customer-data.repository';

/** Personal data in campaigns (ADR 0013): its part of a person's export (erasure lives with the replica). */
@Module({
  controllers: [CampaignsCustomerDataController],
  providers: [CampaignsCustomerDataRepository],
})
export class PrivacyModule {}
