import { Module } from '@nestjs/common';
import { AccountTeamsModule } from './account-teams/account-teams.module';
import { ActivitiesModule } from './activities/activities.module';
import { CustomersModule } from './customers/customers.module';
import { SalesDemoSeeder } from './demo/sales-demo.seeder';
import { GuidanceModule } from './guidance/guidance.module';
import { ForecastsModule } from './forecasts/forecasts.module';
import { HierarchyModule } from './hierarchy/hierarchy.module';
import { LeadsModule } from './leads/leads.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OpportunitiesModule } from './opportunities/opportunities.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RemindersModule } from './reminders/reminders.module';
import { QuotasModule } from './quotas/quotas.module';
import { SalesMessaging } from './sales-messaging';

/**
 * Sales force automation, one module per concept: the team tree, the customer replica, leads,
 * pipelines and opportunities, activities. Each imports SalesMessaging for the outbox and subscriber.
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
    NotificationsModule,
    PrivacyModule,
    QuotasModule,
    ForecastsModule,
  ],
  providers: [SalesDemoSeeder],
  exports: [SalesDemoSeeder],
})
export class SalesModule {}
