import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '@crm/http';
import { ReportWindowQuery } from '../../reports/dto/report-window.query';

export const SALES_GROUPINGS = ['rep', 'team', 'dealer'] as const;

/** The window (opportunities closed in it, quotas of the months starting in it) and the filters. */
export class SalesPerformanceQuery extends ReportWindowQuery {
  @ApiPropertyOptional({ description: 'Only this sales rep (user id)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerId?: string;

  @ApiPropertyOptional({
    description:
      'Only the people below this manager (user id) in the sales tree, at any depth: rows by rep are their reps, rows by team their sub-teams',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  managerId?: string;

  @ApiPropertyOptional({ description: "The selling dealer's province", example: 'Shanghai', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({
    enum: SALES_GROUPINGS,
    default: 'rep',
    description:
      'One row per rep, per team (every rep below the manager in the sales tree; a rep not in it yet under the manager their latest forecast adjustment named) or per dealer',
  })
  @IsOptional()
  @IsIn(SALES_GROUPINGS)
  by?: (typeof SALES_GROUPINGS)[number];
}

/** The filters of the reports over every dealer: the same, narrowed to one dealer if wanted. */
export class SalesExportQuery extends SalesPerformanceQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the opportunities of this selling dealer' })
  @IsOptional()
  @IsUUID()
  dealerId?: string;
}

export class SalesPerformancePageQuery extends IntersectionType(SalesExportQuery, PageQuery) {}

/** One dealer's report: the dealer is the path's. */
export class DealerSalesQuery extends IntersectionType(SalesPerformanceQuery, PageQuery) {}
