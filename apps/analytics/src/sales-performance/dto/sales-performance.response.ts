import { ApiProperty } from '@nestjs/swagger';
import { ReportFreshness, ReportWindow } from '../../service-kpis/dto/service-kpi.response';

const nullableNumber = { type: Number, nullable: true } as const;

export class SalesFigures {
  @ApiProperty({ description: 'Opportunities won in the window', example: 3 })
  won: number;

  @ApiProperty({ description: 'Opportunities lost in the window', example: 1 })
  lost: number;

  @ApiProperty({
    ...nullableNumber,
    description: 'won / (won + lost); null with nothing closed',
    example: 0.75,
  })
  winRate: number | null;

  @ApiProperty({ description: 'Amount of the opportunities won (CNY)', example: 540000 })
  wonRevenue: number;

  @ApiProperty({
    ...nullableNumber,
    description: 'Mean days from opened to won, of the opportunities won',
    example: 21.5,
  })
  averageCycleDays: number | null;

  @ApiProperty({ description: 'Opportunities open now (not in the window: the pipeline as it stands)' })
  openOpportunities: number;

  @ApiProperty({ description: 'Amount of the open opportunities (CNY)' })
  pipelineAmount: number;

  @ApiProperty({
    ...nullableNumber,
    description: 'Revenue quota of the months starting in the window (per rep; null for dealers, none set)',
  })
  quotaRevenue: number | null;

  @ApiProperty({ ...nullableNumber, description: 'wonRevenue / quotaRevenue', example: 1.08 })
  quotaAttainment: number | null;

  @ApiProperty({
    ...nullableNumber,
    description:
      "The reps' forecasts (latest forecast.adjusted at rep level) of the months starting in the window (CNY); null for dealers, none adjusted",
    example: 300000,
  })
  forecastRevenue: number | null;

  @ApiProperty({
    ...nullableNumber,
    description:
      'Forecast accuracy: 1 - |wonRevenue - forecastRevenue| / max(forecastRevenue, wonRevenue) (ADR 0035)',
    example: 0.91,
  })
  forecastAccuracy: number | null;
}

export class SalesPerformanceRow extends SalesFigures {
  @ApiProperty({ type: String, nullable: true, description: 'The rep (rows by rep)' })
  ownerId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "The team's manager (rows by team; null: reps with no manager known from the sales tree or a forecast)",
  })
  managerId: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The selling dealer (rows by dealer; null: sold without a dealer)',
  })
  dealerId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '张伟',
    description:
      "The rep's or manager's name in the sales tree (rows by rep or team), the dealer's (rows by dealer); null: not known yet",
  })
  name: string | null;
}

export class PipelineStage {
  @ApiProperty({ example: 'negotiation' })
  stage: string;

  @ApiProperty({ example: 4 })
  opportunities: number;

  @ApiProperty({ description: 'Sum of the amounts (CNY)', example: 720000 })
  amount: number;

  @ApiProperty({ description: 'Sum of amount x probability', example: 432000 })
  weightedAmount: number;
}

export class SalesPerformanceReport {
  @ApiProperty({ type: ReportWindow })
  window: ReportWindow;

  @ApiProperty({ type: ReportFreshness })
  freshness: ReportFreshness;

  @ApiProperty({ type: [PipelineStage], description: 'Open opportunities now, by stage' })
  pipeline: PipelineStage[];

  @ApiProperty({ type: SalesFigures, description: 'Everyone the filters cover' })
  totals: SalesFigures;

  @ApiProperty({ enum: ['rep', 'team', 'dealer'] })
  by: 'rep' | 'team' | 'dealer';

  @ApiProperty({ type: [SalesPerformanceRow], description: 'Highest won revenue first' })
  items: SalesPerformanceRow[];

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;

  @ApiProperty({ example: 12 })
  total: number;
}
