import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PartnerScoped, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { csvFile, UuidPipe } from '@crm/http';
import { REPORT_ROLES } from '../analytics.constants';
import { OverallKpiQuery, PagedKpiQuery, ServiceKpiQuery } from './dto/service-kpi.query';
import { ServiceKpiReport, StationScorecardPage, StationScorecardReport } from './dto/service-kpi.response';
import { TicketFactPage } from './dto/ticket-fact.response';
import { ServiceKpiService } from './service-kpi.service';
import { STATION_SCOPE } from './station-partner-scope.registration';

@ApiTags('service analytics')
@ApiBearerAuth()
@Controller('analytics/service')
@Roles(...REPORT_ROLES)
export class ServiceKpiController {
  constructor(private readonly reports: ServiceKpiService) {}

  @Get('kpis')
  @ApiOperation({
    summary:
      'Service KPIs over the tickets opened in a window: first response, station acceptance and resolution times (p50, p90, mean), SLA breach, satisfaction and re-open rates',
  })
  @ApiOkResponse({ type: ServiceKpiReport })
  overall(@Query() query: OverallKpiQuery): Promise<ServiceKpiReport> {
    return this.reports.overall(query);
  }

  @Get('scorecards')
  @ApiOperation({ summary: 'The station scorecards: the same KPIs per station, busiest first, paged' })
  @ApiOkResponse({ type: StationScorecardPage })
  scorecards(@Query() query: PagedKpiQuery): Promise<StationScorecardPage> {
    return this.reports.scorecards(query);
  }

  // Before scorecards/:stationId, which would take `export` for a station id.
  @Get('scorecards/export')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every station scorecard as CSV (UTF-8 with BOM), busiest first, streamed' })
  @ApiOkResponse({
    description: 'One row per station, the KPIs flattened',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  exportScorecards(@Query() query: OverallKpiQuery): StreamableFile {
    return csvFile(this.reports.scorecardsCsv(query), 'station-scorecards.csv');
  }

  @Get('scorecards/:stationId')
  @Roles(...REPORT_ROLES, R.repairStation)
  @PartnerScoped(STATION_SCOPE, 'stationId')
  @ApiOperation({
    summary: "One station's scorecard; a repair station sees its own only (404 for another's)",
  })
  @ApiOkResponse({ type: StationScorecardReport })
  scorecard(
    @Param('stationId', UuidPipe) stationId: string,
    @Query() query: ServiceKpiQuery,
  ): Promise<StationScorecardReport> {
    return this.reports.scorecard(stationId, query);
  }

  @Get('tickets')
  @ApiOperation({ summary: 'The ticket facts the KPIs are computed from, oldest first, paged' })
  @ApiOkResponse({ type: TicketFactPage })
  facts(@Query() query: PagedKpiQuery): Promise<TicketFactPage> {
    return this.reports.facts(query);
  }

  @Get('tickets/export')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every ticket fact in the window as CSV, streamed' })
  @ApiOkResponse({
    description: 'One row per ticket',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  exportFacts(@Query() query: OverallKpiQuery): StreamableFile {
    return csvFile(this.reports.factsCsv(query), 'ticket-facts.csv');
  }
}
