import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { REPORT_ROLES } from '../analytics.constants';
import { TicketFactPage } from '../service-kpis/dto/ticket-fact.response';
import {
  CellTicketsQuery,
  CheckQualityAlertsRequest,
  ComplaintRateQuery,
  QualityAlertQuery,
} from './dto/quality.query';
import { ComplaintRatePage, QualityAlertPage, QualityCheckResult } from './dto/quality.response';
import { QualityService } from './quality.service';

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
