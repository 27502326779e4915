import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { PageQuery, QueryNumber } from '@crm/http';
import { MARKET_DIMENSIONS, MARKET_METRICS, MarketDimension, MarketMetric } from '../market.repository';
import { Seasonality } from '../holt-winters';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const SEASONALITIES: Seasonality[] = ['additive', 'multiplicative'];

/** What the market view shows: a metric by a dimension over whole months, and the forecast after them. */
export class MarketQuery {
  @ApiPropertyOptional({
    enum: MARKET_DIMENSIONS,
    default: 'region',
    description: 'One row per region, product (model) or rep',
  })
  @IsOptional()
  @IsIn(MARKET_DIMENSIONS)
  dimension?: MarketDimension;

  @ApiPropertyOptional({
    enum: MARKET_METRICS,
    default: 'orders',
    description:
      'orders placed (count), their amount (CNY), service tickets opened or repairs done (counts; no rep dimension)',
  })
  @IsOptional()
  @IsIn(MARKET_METRICS)
  metric?: MarketMetric;

  @ApiPropertyOptional({
    description:
      'First month of the history (sales calendar, Asia/Shanghai); 36 months before `to` by default',
    example: '2023-11',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month, YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({
    description:
      'The month after the last of the history, where the forecast starts; the current month by default',
    example: '2026-11',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month, YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 4,
    default: 2,
    description: 'Quarters to forecast after the history',
  })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  @Max(4)
  quarters?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 24,
    description:
      'Backtest: the last months of the history held out and forecast from the rest; the forecast horizon by default',
  })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  @Max(24)
  holdout?: number;

  @ApiPropertyOptional({
    enum: SEASONALITIES,
    default: 'additive',
    description: 'Holt-Winters seasonality; multiplicative falls back to additive when a month is zero',
  })
  @IsOptional()
  @IsIn(SEASONALITIES)
  seasonality?: Seasonality;
}

export class MarketExportQuery extends MarketQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Only this dealer's orders and the tickets of vehicles it sold",
  })
  @IsOptional()
  @IsUUID()
  dealerId?: string;
}

export class MarketPageQuery extends IntersectionType(MarketExportQuery, PageQuery) {}

/** One dealer's market view: the dealer is the path's. */
export class DealerMarketQuery extends IntersectionType(MarketQuery, PageQuery) {}
