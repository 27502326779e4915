import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { QuotesModule } from '../quotes/quotes.module';
import { SalesMessaging } from '../sales-messaging';
import { CommerceDemo } from './commerce-demo';
import { OrderPartnerScopeRegistration } from './order-partner-scope.registration';
import { OrderPlacingService } from './order-placing.service';
import { OrderQueryService } from './order-query.service';
import { OrderController } from './order.controller';
import { OrderRepository } from './order.repository';

/** Orders from accepted quotes or won opportunities, each published as order.placed. */
@Module({
  imports: [SalesMessaging, CatalogModule, OpportunitiesModule, QuotesModule],
  controllers: [OrderController],
  providers: [
    OrderRepository,
    OrderPlacingService,
    OrderQueryService,
    OrderPartnerScopeRegistration,
    CommerceDemo,
  ],
  exports: [CommerceDemo],
})
export class OrdersModule {}
