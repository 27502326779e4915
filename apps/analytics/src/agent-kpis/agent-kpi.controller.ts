import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { csvFile } from '@crm/http';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { REPORT_ROLES } from '../analytics.constants';
import { AgentKpiPageQuery, AgentKpiQuery } from './dto/agent-kpi.query';
import { AgentKpiPage } from './dto/agent-kpi.response';
import { AgentKpiService } from './agent-kpi.service';

/** Managers and analysts only: agents do not read one another's figures (admin always may). */
@ApiTags('call-center analytics')
@ApiBearerAuth()
@Controller('analytics/agents')
@Roles(...REPORT_ROLES)
export class AgentKpiController {
  constructor(private readonly reports: AgentKpiService) {}

  @Get('kpis')
  @ApiOperation({
    summary:
      'Call-center agent KPIs: calls handled, complaints taken, average handling time, first-contact resolution and the follow-up satisfaction of their complaints, paged',
  })
  @ApiOkResponse({ type: AgentKpiPage })
  kpis(@Query() query: AgentKpiPageQuery): Promise<AgentKpiPage> {
    return this.reports.page(query);
  }

  @Get('kpis/export')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every agent row as CSV, streamed' })
  @ApiOkResponse({
    description: 'One row per agent',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  export(@Query() query: AgentKpiQuery): StreamableFile {
    return csvFile(this.reports.rowsCsv(query), 'agent-kpis.csv');
  }
}
