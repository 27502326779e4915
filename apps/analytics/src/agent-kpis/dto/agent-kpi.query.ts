import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@crm/http';
import { ReportWindowQuery } from '../../reports/dto/report-window.query';

/** The window (contacts and complaints recorded in it) and the agent. */
export class AgentKpiQuery extends ReportWindowQuery {
  @ApiPropertyOptional({ description: 'Only this agent (user id)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  agentId?: string;
}

export class AgentKpiPageQuery extends IntersectionType(AgentKpiQuery, PageQuery) {}
