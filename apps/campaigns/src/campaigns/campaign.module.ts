import { Module } from '@nestjs/common';
import { CampaignsMessaging } from '../campaigns-messaging';
import { ScoringModule } from '../scoring/scoring.module';
import { SegmentsModule } from '../segments/segments.module';
import { CampaignController } from './campaign.controller';
import { CampaignRepository } from './campaign.repository';
import { CampaignService } from './campaign.service';

/** Campaign drafts and their schedule: what is sent to whom, with which message, when. */
@Module({
  imports: [CampaignsMessaging, SegmentsModule, ScoringModule],
  controllers: [CampaignController],
  providers: [CampaignRepository, CampaignService],
  exports: [CampaignRepository, CampaignService],
})
export class CampaignModule {}
