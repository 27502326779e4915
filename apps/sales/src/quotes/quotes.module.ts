import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { SalesMessaging } from '../sales-messaging';
import { QuoteIssuingService } from './quote-issuing.service';
import { QuotePartnerScopeRegistration } from './quote-partner-scope.registration';
import { QuotePdfRenderer } from './quote-pdf.renderer';
import { QuoteQueryService } from './quote-query.service';
import { QuoteStatusService } from './quote-status.service';
import { QuoteController } from './quote.controller';
import { QuoteRepository } from './quote.repository';

/** Quotes from opportunities' line items: numbered and versioned, sent, accepted or rejected, as PDF. */
@Module({
  imports: [SalesMessaging, CatalogModule, OpportunitiesModule],
  controllers: [QuoteController],
  providers: [
    QuoteRepository,
    QuoteIssuingService,
    QuoteStatusService,
    QuoteQueryService,
    QuotePdfRenderer,
    QuotePartnerScopeRegistration,
  ],
  exports: [QuoteRepository, QuoteIssuingService, QuoteStatusService, QuoteQueryService],
})
export class QuotesModule {}
