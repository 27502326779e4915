import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PartnerScoped, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { csvFile, UuidPipe } from '@crm/http';
import { REPORT_ROLES } from '../analytics.constants';
import { DEALER_SALES_SCOPE } from '../sales-performance/dealer-sales-scope.registration';
import { DealerMarketQuery, MarketExportQuery, MarketPageQuery } from './dto/market.query';
import { MarketReport } from './dto/market.response';
import { MarketService } from './market.service';

@ApiTags('market analytics')
@ApiBearerAuth()
@Controller('analytics/market')
@Roles(...REPORT_ROLES)
export class MarketController {
  constructor(private readonly reports: MarketService) {}

  @Get()
  @ApiOperation({
    summary:
      'The market view: orders (count, amount) or service tickets per month by region, product or rep, with the next quarters forecast (Holt-Winters, season 12) and its backtest error, paged',
  })
  @ApiOkResponse({ type: MarketReport })
  market(@Query() query: MarketPageQuery): Promise<MarketReport> {
    return this.reports.report(query);
  }

  @Get('export')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'Every key of the market view as CSV, one line per month (history, then forecast), streamed',
  })
  @ApiOkResponse({
    description: 'One row per key and month',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  export(@Query() query: MarketExportQuery): StreamableFile {
    return csvFile(this.reports.rowsCsv(query), 'market.csv');
  }

  @Get('dealers/:dealerId')
  @Roles(...REPORT_ROLES, R.dealer)
  @PartnerScoped(DEALER_SALES_SCOPE, 'dealerId')
  @ApiOperation({
    summary:
      "One dealer's market view (its orders, the tickets of the vehicles it sold); a dealer sees its own only (404 for another's)",
  })
  @ApiOkResponse({ type: MarketReport })
  dealer(
    @Param('dealerId', UuidPipe) dealerId: string,
    @Query() query: DealerMarketQuery,
  ): Promise<MarketReport> {
    return this.reports.report({ ...query, dealerId });
  }
}
