import { Module } from '@nestjs/common';
import { CampaignsMessaging } from '../campaigns-messaging';
import { CampaignModule } from '../campaigns/campaign.module';
import { SegmentsModule } from '../segments/segments.module';
import { SendingModule } from '../sending/sending.module';
import { CampaignOccurrenceController } from './campaign-occurrence.controller';
import { CampaignOccurrenceRepository } from './campaign-occurrence.repository';
import { CampaignOccurrenceService } from './campaign-occurrence.service';
import { OccurrenceScheduler } from './occurrence-scheduler';

/** Recurring and triggered campaigns: each occurrence frozen once under a step of its own, its runs, the holidays. */
@Module({
  imports: [CampaignsMessaging, CampaignModule, SegmentsModule, SendingModule],
  controllers: [CampaignOccurrenceController],
  providers: [CampaignOccurrenceRepository, CampaignOccurrenceService, OccurrenceScheduler],
  exports: [OccurrenceScheduler],
})
export class TriggersModule {}
