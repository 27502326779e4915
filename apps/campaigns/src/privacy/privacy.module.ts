import { Module } from '@nestjs/common';
import { CampaignsCustomerDataController } from './customer-data.controller';
import { CampaignsCustomerDataRepository } from './customer-data.repository';
import { CampaignsReadAudit } from './campaigns-read-audit';

/**
 * Personal data in campaigns (ADR 0013): its part of a person's export and the audit of segment previews
 * (erasure lives with the replica).
 */
@Module({
  imports: [CampaignsReadAudit],
  controllers: [CampaignsCustomerDataController],
  providers: [CampaignsCustomerDataRepository],
})
export class PrivacyModule {}
