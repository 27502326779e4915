import { Module } from '@nestjs/common';
import { CampaignsMessaging } from '../campaigns-messaging';
import { SegmentsModule } from '../segments/segments.module';
import { CampaignController } from './campaign.controller';
import { CampaignRepository } from './campaign.repository';
import { CampaignService } from './campaign.service';

/** Campaign drafts and their schedule: what is sent to whom, with which message, when. */
@Module({
  imports: [CampaignsMessaging, SegmentsModule],
  controllers: [CampaignController],
  providers: [CampaignRepository, CampaignService],
  exports: [CampaignRepository, CampaignService],
})
export class CampaignModule {}
