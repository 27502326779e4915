import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ALL_QUALITY_TYPES, QualityType } from '@crm/contracts';
import { PageQuery } from '@crm/http';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthMessage = (field: string) => ({ message: `${field} must be a month, as YYYY-MM` });

export class ComplaintRateFilter {
  @ApiPropertyOptional({
    description: 'First month (UTC), YYYY-MM; 11 months before `to` by default',
    example: '2026-01',
  })
  @IsOptional()
  @Matches(MONTH, monthMessage('from'))
  from?: string;

  @ApiPropertyOptional({
    description: 'Last month (UTC), YYYY-MM, included; this month by default',
    example: '2026-11',
  })
  @IsOptional()
  @Matches(MONTH, monthMessage('to'))
  to?: string;

  @ApiPropertyOptional({ description: "The vehicle's model", example: 'i5', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string;

  @ApiPropertyOptional({ enum: ALL_QUALITY_TYPES })
  @IsOptional()
  @IsIn(ALL_QUALITY_TYPES)
  qualityType?: QualityType;
}

export class ComplaintRateQuery extends IntersectionType(ComplaintRateFilter, PageQuery) {}

/** One cell: a model, a quality type and a month. */
export class QualityCell {
  @ApiProperty({ example: 'i5', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  model: string;

  @ApiProperty({ enum: ALL_QUALITY_TYPES })
  @IsIn(ALL_QUALITY_TYPES)
  qualityType: QualityType;

  @ApiProperty({ example: '2026-07' })
  @Matches(MONTH, monthMessage('month'))
  month: string;
}

export class CellTicketsQuery extends IntersectionType(QualityCell, PageQuery) {}

export class QualityAlertMonth {
  @ApiPropertyOptional({ description: 'Only the alerts of this month, YYYY-MM', example: '2026-07' })
  @IsOptional()
  @Matches(MONTH, monthMessage('month'))
  month?: string;
}

export class QualityAlertQuery extends IntersectionType(QualityAlertMonth, PageQuery) {}

export class CheckQualityAlertsRequest {
  @ApiProperty({ description: 'The month to check (UTC), YYYY-MM', example: '2026-07' })
  @Matches(MONTH, monthMessage('month'))
  month: string;
}
