import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDateTime, PageQuery } from '@crm/http';

/** The window (contacts and complaints recorded in it) and the agent. */
export class AgentKpiQuery {
  @ApiPropertyOptional({
    description: 'Start of the window (inclusive); 30 days before `to` by default',
    example: '2026-10-01T00:00:00Z',
  })
  @IsOptional()
  @IsDateTime()
  from?: string;

  @ApiPropertyOptional({
    description: 'End of the window (exclusive); now by default',
    example: '2026-11-01T00:00:00Z',
  })
  @IsOptional()
  @IsDateTime()
  to?: string;

  @ApiPropertyOptional({ description: 'Only this agent (user id)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  agentId?: string;
}

export class AgentKpiPageQuery extends IntersectionType(AgentKpiQuery, PageQuery) {}
