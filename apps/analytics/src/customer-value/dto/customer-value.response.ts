import { ApiProperty } from '@nestjs/swagger';
import { VALUE_TIERS, ValueTier } from '@crm/contracts';
import { ReportFreshness, ReportWindow } from '../../service-kpis/dto/service-kpi.response';
import { RFM_SEGMENTS, RfmSegment } from '../rfm-segments';
import { AGE_BANDS } from '../age-bands';

export class ValueFreshness extends ReportFreshness {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the values were last recomputed (null: never yet)',
  })
  computedAt: string | null;
}

/** What every customer-value report states besides its figures. */
export class ValueReportBasis {
  @ApiProperty({ type: ReportWindow })
  window: ReportWindow;

  @ApiProperty({ type: ValueFreshness })
  freshness: ValueFreshness;

  @ApiProperty({ example: 'CNY', description: 'Every amount is in this currency; others are left out' })
  currency: string;

  @ApiProperty({
    example: 'revenue',
    description: 'What value measures: revenue (orders and paid repairs); no cost is known, so no margin',
  })
  measure: string;
}

export class ValueDistribution {
  @ApiProperty({ description: 'Customers with a purchase ever', example: 120 })
  customers: number;

  @ApiProperty({ description: 'Their value (revenue in the window), summed', example: 3_600_000 })
  totalValue: number;

  @ApiProperty({ type: Number, nullable: true, example: 30_000 })
  mean: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 25_000 })
  p50: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 90_000 })
  p90: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 300_000 })
  p99: number | null;
}

export class TierCount {
  @ApiProperty({ enum: VALUE_TIERS })
  tier: ValueTier;

  @ApiProperty({ example: 3 })
  customers: number;

  @ApiProperty({ example: 900_000 })
  value: number;
}

export class SegmentCount {
  @ApiProperty({ enum: RFM_SEGMENTS })
  segment: RfmSegment;

  @ApiProperty({ example: 10 })
  customers: number;

  @ApiProperty({ example: 400_000 })
  value: number;
}

export class ParetoView {
  @ApiProperty({ example: 0.2, description: 'The top share of customers by value' })
  topShare: number;

  @ApiProperty({ example: 24 })
  topCustomers: number;

  @ApiProperty({ example: 2_800_000 })
  topValue: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.78, description: 'Their share of all value' })
  valueShare: number | null;
}

export class CustomerValueSummary extends ValueReportBasis {
  @ApiProperty({ type: ValueDistribution })
  distribution: ValueDistribution;

  @ApiProperty({ type: [TierCount], description: 'Every tier, platinum first' })
  tiers: TierCount[];

  @ApiProperty({ type: [SegmentCount], description: 'Every RFM segment, champions first' })
  segments: SegmentCount[];

  @ApiProperty({ type: ParetoView })
  pareto: ParetoView;
}

export class CustomerValueView {
  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ enum: VALUE_TIERS })
  tier: ValueTier;

  @ApiProperty({ format: 'date-time', description: 'Since when the customer is in this tier' })
  tierSince: string;

  @ApiProperty({ enum: RFM_SEGMENTS })
  segment: RfmSegment;

  @ApiProperty({ minimum: 1, maximum: 5 })
  recencyScore: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  frequencyScore: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  monetaryScore: number;

  @ApiProperty({ description: 'Purchases in the window', example: 2 })
  purchases: number;

  @ApiProperty({ description: 'Current value: revenue in the window', example: 320_000 })
  value: number;

  @ApiProperty({ example: 350_000 })
  lifetimeRevenue: number;

  @ApiProperty({ example: 175_000 })
  averageOrderValue: number;

  @ApiProperty({ format: 'date-time' })
  firstPurchaseAt: string;

  @ApiProperty({ format: 'date-time' })
  lastPurchaseAt: string;

  @ApiProperty({ description: 'Predicted value of the next 12 months', example: 87_500 })
  potentialValue: number;

  @ApiProperty({
    description: 'Days since the last purchase over the usual days between purchases',
    example: 0.4,
  })
  churnRatio: number;

  @ApiProperty({ enum: ['low', 'medium', 'high'] })
  churnRisk: string;

  @ApiProperty({
    description: 'Lifetime revenue plus the potential value over the CLV horizon',
    example: 612_500,
  })
  clv: number;

  @ApiProperty({ type: String, nullable: true, example: 'Shanghai' })
  province: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Shanghai' })
  city: string | null;

  @ApiProperty({ type: String, nullable: true, enum: AGE_BANDS })
  ageBand: string | null;
}

export class CustomerValueCard extends ValueReportBasis {
  @ApiProperty({ type: CustomerValueView })
  customer: CustomerValueView;
}

export class CustomerValuePage extends ValueReportBasis {
  @ApiProperty({ type: [CustomerValueView], description: 'Highest value first' })
  items: CustomerValueView[];

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;

  @ApiProperty({ example: 120 })
  total: number;
}

export class RecomputeResponse {
  @ApiProperty({ format: 'date-time' })
  computedAt: string;

  @ApiProperty({ format: 'date-time', description: 'Start of the value window; it ends at computedAt' })
  windowFrom: string;

  @ApiProperty({ description: 'Customers valued', example: 120 })
  customers: number;

  @ApiProperty({ description: 'Tier changes published', example: 4 })
  tierChanges: number;
}
