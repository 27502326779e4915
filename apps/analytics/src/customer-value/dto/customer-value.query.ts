import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { VALUE_TIERS, ValueTier } from '@crm/contracts';
import { PageQuery } from '@crm/http';
import { RFM_SEGMENTS, RfmSegment } from '../rfm-segments';

/** Which customers a list or export shows: one tier, one RFM segment, or both. */
export class CustomerValueFilter {
  @ApiPropertyOptional({ enum: VALUE_TIERS })
  @IsOptional()
  @IsIn(VALUE_TIERS)
  tier?: ValueTier;

  @ApiPropertyOptional({ enum: RFM_SEGMENTS })
  @IsOptional()
  @IsIn(RFM_SEGMENTS)
  segment?: RfmSegment;
}

export class CustomerValueListQuery extends IntersectionType(CustomerValueFilter, PageQuery) {}
