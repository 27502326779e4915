import { Module } from '@nestjs/common';
import { ActivitiesModule } from './activities/activities.module';
import { CatalogModule } from './catalog/catalog.module';
import { CustomersModule } from './customers/customers.module';
import { SalesDemoSeeder } from './demo/sales-demo.seeder';
import { HierarchyModule } from './hierarchy/hierarchy.module';
import { LeadsModule } from './leads/leads.module';
import { OpportunitiesModule } from './opportunities/opportunities.module';
import { OrdersModule } from './orders/orders.module';
import { QuotesModule } from './quotes/quotes.module';
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
    CatalogModule,
    QuotesModule,
    OrdersModule,
  ],
  providers: [SalesDemoSeeder],
  exports: [SalesDemoSeeder],
})
export class SalesModule {}
