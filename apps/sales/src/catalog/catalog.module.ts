import { Module } from '@nestjs/common';
import { SalesMessaging } from '../sales-messaging';
import { CatalogChangeController } from './catalog-change.controller';
import { CatalogChangeService } from './catalog-change.service';
import { CatalogEditingService } from './catalog-editing.service';
import { CatalogPartnerScopeRegistration } from './catalog-partner-scope.registration';
import { CatalogQueryService } from './catalog-query.service';
import { CatalogController } from './catalog.controller';
import { CatalogRepository } from './catalog.repository';
import { PriceListRepository } from './price-list.repository';
import { PriceListService } from './price-list.service';

/** The product catalog: models, trims and specs, regional price lists, selling points and FAQs; changes and retirement. */
@Module({
  imports: [SalesMessaging],
  controllers: [CatalogController, CatalogChangeController],
  providers: [
    CatalogRepository,
    PriceListRepository,
    CatalogEditingService,
    CatalogChangeService,
    PriceListService,
    CatalogQueryService,
    CatalogPartnerScopeRegistration,
  ],
  exports: [CatalogRepository, PriceListRepository, CatalogEditingService, PriceListService],
})
export class CatalogModule {}
