import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ALL_QUALITY_TYPES, QualityType } from '@crm/contracts';
import { PageQuery } from '@crm/http';
import { ReportWindowQuery } from '../../reports/dto/report-window.query';

/** The window (tickets opened in it) and the filters every service report takes. */
export class ServiceKpiQuery extends ReportWindowQuery {
  @ApiPropertyOptional({ enum: ALL_QUALITY_TYPES })
  @IsOptional()
  @IsIn(ALL_QUALITY_TYPES)
  qualityType?: QualityType;

  @ApiPropertyOptional({ description: "The vehicle's model", example: 'i5', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string;

  @ApiPropertyOptional({ description: "The station's province", example: 'Shanghai', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;
}

export class OverallKpiQuery extends ServiceKpiQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the tickets of this station' })
  @IsOptional()
  @IsUUID()
  stationId?: string;
}

/** A page of scorecards or ticket facts under the same window and filters. */
export class PagedKpiQuery extends IntersectionType(OverallKpiQuery, PageQuery) {}
