import { Module } from '@nestjs/common';
import { SalesMessaging } from '../sales-messaging';
import { CatalogEditingService } from './catalog-editing.service';
import { CatalogPartnerScopeRegistration } from './catalog-partner-scope.registration';
import { CatalogQueryService } from './catalog-query.service';
import { CatalogController } from './catalog.controller';
import { CatalogRepository } from './catalog.repository';
import { PriceListRepository } from './price-list.repository';
import { PriceListService } from './price-list.service';

/** The product catalog: models, trims and specs, regional price lists, selling points and FAQs. */
@Module({
  imports: [SalesMessaging],
  controllers: [CatalogController],
  providers: [
    CatalogRepository,
    PriceListRepository,
    CatalogEditingService,
    PriceListService,
    CatalogQueryService,
    CatalogPartnerScopeRegistration,
  ],
  exports: [CatalogRepository, PriceListRepository, CatalogEditingService, PriceListService],
})
export class CatalogModule {}
