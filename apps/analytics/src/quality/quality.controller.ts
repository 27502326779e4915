import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { csvFile } from '@crm/http';
import { REPORT_ROLES } from '../analytics.constants';
import { TicketFactPage } from '../service-kpis/dto/ticket-fact.response';
import {
  CellTicketsQuery,
  CheckQualityAlertsRequest,
  ComplaintRateFilter,
  ComplaintRateQuery,
  QualityAlertMonth,
  QualityAlertQuery,
  QualityCell,
} from './dto/quality.query';
import { ComplaintRatePage, QualityAlertPage, QualityCheckResult } from './dto/quality.response';
import { QualityService } from './quality.service';

const CSV_CONTENT = { 'text/csv': { schema: { type: 'string' } } };

@ApiTags('quality analytics')
@ApiBearerAuth()
@Controller('analytics/quality')
@Roles(...REPORT_ROLES)
export class QualityController {
  constructor(private readonly quality: QualityService) {}

  @Get('complaint-rates')
  @ApiOperation({ summary: 'Complaints per 1,000 vehicles by model x quality type x month, paged' })
  @ApiOkResponse({ type: ComplaintRatePage })
  rates(@Query() query: ComplaintRateQuery): Promise<ComplaintRatePage> {
    return this.quality.rates(query);
  }

  @Get('complaint-rates/export')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every cell of the complaint rates as CSV (UTF-8 with BOM), streamed' })
  @ApiOkResponse({ description: 'One row per cell', content: CSV_CONTENT })
  exportRates(@Query() query: ComplaintRateFilter): StreamableFile {
    return csvFile(this.quality.ratesCsv(query), 'complaint-rates.csv');
  }

  @Get('complaint-rates/tickets/export')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every ticket of one cell as CSV (UTF-8 with BOM), oldest first, streamed' })
  @ApiOkResponse({ description: 'One row per ticket', content: CSV_CONTENT })
  exportTickets(@Query() cell: QualityCell): StreamableFile {
    return csvFile(this.quality.cellTicketsCsv(cell), 'complaint-rate-tickets.csv');
  }

  @Get('complaint-rates/tickets')
  @ApiOperation({
    summary: "One cell's underlying tickets (model, quality type, month), oldest first, paged",
  })
  @ApiOkResponse({ type: TicketFactPage })
  tickets(@Query() query: CellTicketsQuery): Promise<TicketFactPage> {
    return this.quality.cellTickets(query);
  }

  @Get('alerts')
  @ApiOperation({ summary: 'The quality alerts raised, newest first, paged' })
  @ApiOkResponse({ type: QualityAlertPage })
  alerts(@Query() query: QualityAlertQuery): Promise<QualityAlertPage> {
    return this.quality.alerts(query);
  }

  @Get('alerts/export')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every quality alert raised as CSV (UTF-8 with BOM), newest first, streamed' })
  @ApiOkResponse({ description: 'One row per alert', content: CSV_CONTENT })
  exportAlerts(@Query() query: QualityAlertMonth): StreamableFile {
    return csvFile(this.quality.alertsCsv(query.month), 'quality-alerts.csv');
  }

  @Post('alerts/check')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Checks a month's cells against their seasonal baselines now (the hourly job does it too); raises each alert once",
  })
  @ApiOkResponse({ type: QualityCheckResult })
  check(@Body() body: CheckQualityAlertsRequest): Promise<QualityCheckResult> {
    return this.quality.check(body.month);
  }
}
