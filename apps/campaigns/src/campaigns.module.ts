import { DynamicModule, Module } from '@nestjs/common';
import { CampaignsMessaging } from './campaigns-messaging';
import { CampaignsSettings } from './campaigns-settings';
import { CampaignsSettingsModule } from './campaigns-settings.module';
import { CampaignModule } from './campaigns/campaign.module';
import { CrossSellModule } from './cross-sell/cross-sell.module';
import { CustomersModule } from './customers/customers.module';
import { CampaignsDemoCampaign } from './demo/campaigns-demo-campaign';
import { CampaignsDemoHistory } from './demo/campaigns-demo-history';
import { CampaignsDemoSeeder } from './demo/campaigns-demo.seeder';
import { OrdersModule } from './orders/orders.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ScoringModule } from './scoring/scoring.module';
import { SegmentsModule } from './segments/segments.module';
import { SendingModule } from './sending/sending.module';
import { ServiceHistoryModule } from './service-history/service-history.module';
import { TouchpointsModule } from './touchpoints/touchpoints.module';
import { TrackingModule } from './tracking/tracking.module';
import { TriggersModule } from './triggers/triggers.module';

/**
 * Marketing campaigns, one module per concept: the replicas (customers, orders, service history,
 * service visits, leads and test drives), the segments
 * selected from them, the campaigns, their propensity scoring, their sending, their recurring and triggered runs, their responses and
 * results, and the person's export part.
 * Each concept module imports CampaignsMessaging for the outbox and the subscriber.
 */
@Module({})
export class CampaignsModule {
  static register(settings: CampaignsSettings): DynamicModule {
    return {
      module: CampaignsModule,
      imports: [
        CampaignsSettingsModule.register(settings),
        CampaignsMessaging,
        CustomersModule,
        OrdersModule,
        ServiceHistoryModule,
        TouchpointsModule,
        SegmentsModule,
        // Before the campaigns' own routes, so /campaigns/holidays is not taken for a campaign id.
        TriggersModule,
        CampaignModule,
        SendingModule,
        TrackingModule,
        ScoringModule,
        CrossSellModule,
        PrivacyModule,
      ],
      providers: [CampaignsDemoCampaign, CampaignsDemoHistory, CampaignsDemoSeeder],
      exports: [CampaignsDemoSeeder],
    };
  }
}
