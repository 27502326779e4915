import { ApiProperty } from '@nestjs/swagger';
import { ReportFreshness } from '../../service-kpis/dto/service-kpi.response';
import { FORECAST_METHODS, ForecastMethod } from '../series-forecast';

const nullableNumber = { type: Number, nullable: true } as const;

export class MarketWindow {
  @ApiProperty({ example: '2023-11', description: 'First month of the history' })
  from: string;

  @ApiProperty({ example: '2026-11', description: 'The month after the last of the history' })
  to: string;

  @ApiProperty({ example: 'orders placed in the months [from, to) of the sales calendar (Asia/Shanghai)' })
  basis: string;
}

export class SmoothingParametersView {
  @ApiProperty({ example: 0.3 })
  alpha: number;

  @ApiProperty({ example: 0.1 })
  beta: number;

  @ApiProperty({ ...nullableNumber, description: "Null for Holt's linear trend", example: 0.2 })
  gamma: number | null;
}

export class BacktestView {
  @ApiProperty({ example: 6 })
  holdoutMonths: number;

  @ApiProperty({
    enum: FORECAST_METHODS,
    description: 'The method the history before the held-out months allowed',
  })
  method: ForecastMethod;

  @ApiProperty({ type: [Number], description: 'The held-out months, as they were' })
  actual: number[];

  @ApiProperty({ type: [Number], description: 'The held-out months, as forecast from the months before' })
  forecast: number[];

  @ApiProperty({ description: 'Mean absolute error', example: 3.5 })
  mae: number;

  @ApiProperty({
    ...nullableNumber,
    description: 'Mean absolute percentage error over months with a non-zero actual',
    example: 0.08,
  })
  mape: number | null;

  @ApiProperty({ description: 'Symmetric MAPE: mean 2|A - F| / (|A| + |F|)', example: 0.07 })
  smape: number;
}

export class MarketForecastView {
  @ApiProperty({
    enum: FORECAST_METHODS,
    description:
      'holt-winters-* from 24 months of history on (season 12), holt-linear from 2 months, naive (the last month repeated) from 1 (ADR 0035)',
  })
  method: ForecastMethod;

  @ApiProperty({
    type: SmoothingParametersView,
    nullable: true,
    description: 'Chosen by the least in-sample SSE on a grid',
  })
  parameters: SmoothingParametersView | null;

  @ApiProperty({ type: [Number], description: 'One value per forecast month (never below zero)' })
  values: number[];

  @ApiProperty({
    type: BacktestView,
    nullable: true,
    description: 'Null when the history is too short to hold months out',
  })
  backtest: BacktestView | null;
}

export class MarketSeries {
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The region, model or rep ('' unknown); null for the totals",
  })
  key: string | null;

  @ApiProperty({ type: [Number], description: 'One value per month of the history' })
  values: number[];

  @ApiProperty({ description: 'Sum over the history' })
  total: number;

  @ApiProperty({ type: MarketForecastView })
  forecast: MarketForecastView;
}

export class MarketReport {
  @ApiProperty({ type: MarketWindow })
  window: MarketWindow;

  @ApiProperty({ type: ReportFreshness })
  freshness: ReportFreshness;

  @ApiProperty({ example: 'region' })
  dimension: string;

  @ApiProperty({ example: 'orders' })
  metric: string;

  @ApiProperty({ type: [String], example: ['2026-09', '2026-10'] })
  months: string[];

  @ApiProperty({ type: [String], example: ['2026-11', '2026-12', '2027-01'] })
  forecastMonths: string[];

  @ApiProperty({ type: MarketSeries, description: 'Every key summed' })
  totals: MarketSeries;

  @ApiProperty({ type: [MarketSeries], description: 'Largest total first' })
  items: MarketSeries[];

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;

  @ApiProperty({ example: 12 })
  total: number;
}
