import { Module } from '@nestjs/common';
import { AccountTeamsModule } from './account-teams/account-teams.module';
import { ActivitiesModule } from './activities/activities.module';
import { CatalogModule } from './catalog/catalog.module';
import { CustomersModule } from './customers/customers.module';
import { SalesDemoSeeder } from './demo/sales-demo.seeder';
import { ForecastsModule } from './forecasts/forecasts.module';
import { GuidanceModule } from './guidance/guidance.module';
import { HierarchyModule } from './hierarchy/hierarchy.module';
import { LeadsModule } from './leads/leads.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OpportunitiesModule } from './opportunities/opportunities.module';
import { OrdersModule } from './orders/orders.module';
import { PreferencesModule } from './preferences/preferences.module';
import { PrivacyModule } from './privacy/privacy.module';
import { QuotasModule } from './quotas/quotas.module';
import { QuotesModule } from './quotes/quotes.module';
import { RemindersModule } from './reminders/reminders.module';
import { SalesMessaging } from './sales-messaging';

/**
 * Sales force automation, one module per concept: the team tree, the customer and dealer replicas, leads,
 * pipelines and opportunities, activities, account teams, guidance, notifications and reminders, quotas and
 * forecasts, the catalog, quotes and orders, and personal-data requests. Each imports SalesMessaging for the
 * outbox and subscriber.
 */
@Module({
  imports: [
    SalesMessaging,
    HierarchyModule,
    CustomersModule,
    OpportunitiesModule,
    LeadsModule,
    ActivitiesModule,
    AccountTeamsModule,
    GuidanceModule,
    RemindersModule,
    PreferencesModule,
    NotificationsModule,
    PrivacyModule,
    QuotasModule,
    ForecastsModule,
    CatalogModule,
    QuotesModule,
    OrdersModule,
  ],
  providers: [SalesDemoSeeder],
  exports: [SalesDemoSeeder],
})
export class SalesModule {}
