import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PartnerScoped, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { csvFile, UuidPipe } from '@crm/http';
import { DealerSalesQuery, SalesExportQuery, SalesPerformancePageQuery } from './dto/sales-performance.query';
import { SalesPerformanceReport } from './dto/sales-performance.response';
import { DEALER_SALES_SCOPE } from './dealer-sales-scope.registration';
import { SalesPerformanceService } from './sales-performance.service';

/** Analysts and sales managers read every figure; a dealer its own; a rep none (admin always may). */
const SALES_REPORT_ROLES = [R.analyst, R.salesManager];

@ApiTags('sales analytics')
@ApiBearerAuth()
@Controller('analytics/sales')
@Roles(...SALES_REPORT_ROLES)
export class SalesPerformanceController {
  constructor(private readonly reports: SalesPerformanceService) {}

  @Get('performance')
  @ApiOperation({
    summary:
      'Sales performance down to the person: win rate, cycle length, won revenue and quota attainment per rep (or per dealer), with the pipeline by stage, paged',
  })
  @ApiOkResponse({ type: SalesPerformanceReport })
  performance(@Query() query: SalesPerformancePageQuery): Promise<SalesPerformanceReport> {
    return this.reports.report(query);
  }

  @Get('performance/export')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every row of the performance report as CSV (UTF-8 with BOM), streamed' })
  @ApiOkResponse({
    description: 'One row per rep (or dealer)',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  export(@Query() query: SalesExportQuery): StreamableFile {
    return csvFile(this.reports.rowsCsv(query), 'sales-performance.csv');
  }

  @Get('dealers/:dealerId/performance')
  @Roles(...SALES_REPORT_ROLES, R.dealer)
  @PartnerScoped(DEALER_SALES_SCOPE, 'dealerId')
  @ApiOperation({
    summary: "One dealer's sales performance per rep; a dealer sees its own only (404 for another's)",
  })
  @ApiOkResponse({ type: SalesPerformanceReport })
  dealer(
    @Param('dealerId', UuidPipe) dealerId: string,
    @Query() query: DealerSalesQuery,
  ): Promise<SalesPerformanceReport> {
    return this.reports.report({ ...query, dealerId });
  }
}
