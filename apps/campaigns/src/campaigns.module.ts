import { Module } from '@nestjs/common';
import { CampaignsMessaging } from './campaigns-messaging';
import { CustomersModule } from './customers/customers.module';
import { CampaignsDemoSeeder } from './demo/campaigns-demo.seeder';
import { PrivacyModule } from './privacy/privacy.module';
import { SegmentsModule } from './segments/segments.module';

/**
 * Marketing campaigns, one module per concept: the customer replica, the segments selected from it, and
 * the person's export part.
 * Each concept module imports CampaignsMessaging for the outbox and the subscriber.
 */
@Module({
  imports: [CampaignsMessaging, CustomersModule, SegmentsModule, PrivacyModule],
  providers: [CampaignsDemoSeeder],
  exports: [CampaignsDemoSeeder],
})
export class CampaignsModule {}
