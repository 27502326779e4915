import { Module } from '@nestjs/common';
import { CampaignsMessaging } from './campaigns-messaging';
import { CustomersModule } from './customers/customers.module';
import { CampaignsDemoSeeder } from './demo/campaigns-demo.seeder';
import { OrdersModule } from './orders/orders.module';
import { PrivacyModule } from './privacy/privacy.module';
import { SegmentsModule } from './segments/segments.module';
import { ServiceHistoryModule } from './service-history/service-history.module';

/**
 * Marketing campaigns, one module per concept: the replicas (customers, orders, service history), the
 * segments selected from them, and the person's export part.
 * Each concept module imports CampaignsMessaging for the outbox and the subscriber.
 */
@Module({
  imports: [
    CampaignsMessaging,
    CustomersModule,
    OrdersModule,
    ServiceHistoryModule,
    SegmentsModule,
    PrivacyModule,
  ],
  providers: [CampaignsDemoSeeder],
  exports: [CampaignsDemoSeeder],
})
export class CampaignsModule {}
