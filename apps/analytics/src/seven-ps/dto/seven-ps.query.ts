import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LEAD_SOURCES, LeadSource, VALUE_TIERS, ValueTier } from '@crm/contracts';
import { PageQuery } from '@crm/http';
import { AGE_BANDS, AgeBand } from '../../customer-value/age-bands';
import { ReportWindowQuery } from '../../reports/dto/report-window.query';
import { SEVEN_PS, SEVEN_PS_GROUPINGS, SevenP, SevenPsGrouping } from '../seven-p-report';

/** Which P: the path's. */
export class SevenPParams {
  @ApiProperty({ enum: SEVEN_PS })
  @IsIn(SEVEN_PS)
  p: SevenP;
}

/** The window, the grouping and the filters; a filter or grouping the P does not take is a 400 naming it. */
export class SevenPsQuery extends ReportWindowQuery {
  @ApiPropertyOptional({
    enum: SEVEN_PS_GROUPINGS,
    description:
      "One row per this; each P offers its own (see the report's `groupings`), its first the default",
  })
  @IsOptional()
  @IsIn(SEVEN_PS_GROUPINGS)
  by?: SevenPsGrouping;

  @ApiPropertyOptional({
    description: "A province: the customer's, or for performance the selling dealer's or station's",
    example: 'Zhejiang',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ enum: VALUE_TIERS, description: "The customer's tier at the last recompute" })
  @IsOptional()
  @IsIn(VALUE_TIERS)
  tier?: ValueTier;

  @ApiPropertyOptional({ enum: AGE_BANDS, description: "The customer's age band at `to`" })
  @IsOptional()
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand;

  @ApiPropertyOptional({ description: 'A model (product)', example: 'i5', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string;

  @ApiPropertyOptional({ enum: LEAD_SOURCES, description: "A lead's source" })
  @IsOptional()
  @IsIn(LEAD_SOURCES)
  source?: LeadSource;
}

export class SevenPsPageQuery extends IntersectionType(SevenPsQuery, PageQuery) {}
