import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { REPORT_ROLES } from '../analytics.constants';
import { SevenPParams, SevenPsPageQuery, SevenPsQuery } from './dto/seven-ps.query';
import { SevenPsReport } from './dto/seven-ps.response';
import { SevenPsService } from './seven-ps.service';

@ApiTags('seven ps')
@ApiBearerAuth()
@Controller('analytics/seven-ps')
@Roles(...REPORT_ROLES)
export class SevenPsController {
  constructor(private readonly reports: SevenPsService) {}

  @Get(':p')
  @ApiOperation({
    summary:
      'One of the Seven Ps: profiling, persistency (retention), profitability, performance, prospecting, product or promotion; grouped, filtered, paged, stating its window and freshness',
  })
  @ApiOkResponse({ type: SevenPsReport })
  report(@Param() { p }: SevenPParams, @Query() query: SevenPsPageQuery): Promise<SevenPsReport> {
    return this.reports.report(p, query);
  }

  @Get(':p/export')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every row of the same report as CSV, streamed' })
  @ApiOkResponse({
    description: 'The columns, then one row per group',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async export(@Param() { p }: SevenPParams, @Query() query: SevenPsQuery): Promise<StreamableFile> {
    return new StreamableFile(Readable.from(await this.reports.csv(p, query)), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="seven-ps-${p}.csv"`,
    });
  }
}
