import { Module } from '@nestjs/common';
import { CampaignsMessaging } from '../campaigns-messaging';
import { CampaignModule } from '../campaigns/campaign.module';
import { CampaignResponseRepository } from './campaign-response.repository';
import { CampaignResultsController } from './campaign-results.controller';
import { CampaignResultsRepository } from './campaign-results.repository';
import { CampaignResultsService } from './campaign-results.service';
import { CustomerCampaignsController } from './customer-campaigns.controller';
import { CustomerCampaignsRepository } from './customer-campaigns.repository';
import { InteractionResponseConsumer } from './interaction-response.consumer';
import { ResponseErasureConsumer } from './response-erasure.consumer';
import { ResponseTrackingService } from './response-tracking.service';
import { TrackingController } from './tracking.controller';
import { TrackingLinksModule } from './tracking-links.module';

/**
 * Response tracking (opens, clicks, call-center answers), each campaign's results against its holdout, and the
 * campaigns that reached a customer.
 */
@Module({
  imports: [CampaignsMessaging, CampaignModule, TrackingLinksModule],
  controllers: [TrackingController, CampaignResultsController, CustomerCampaignsController],
  providers: [
    CampaignResponseRepository,
    ResponseTrackingService,
    InteractionResponseConsumer,
    ResponseErasureConsumer,
    CampaignResultsRepository,
    CampaignResultsService,
    CustomerCampaignsRepository,
  ],
})
export class TrackingModule {}
