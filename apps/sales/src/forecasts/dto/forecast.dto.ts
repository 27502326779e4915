import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { MoneyDto } from '../../opportunities/dto/money.dto';
import { SALES_MONTH_PATTERN } from '../../quotas/sales-month';
import { FORECAST_LEVELS, ForecastLevel } from '../forecast';

export class AdjustForecastDto {
  @ApiProperty({
    enum: FORECAST_LEVELS,
    description: "rep: the person's own opportunities; team: the person and everyone below them",
  })
  @IsIn(FORECAST_LEVELS)
  level: ForecastLevel;

  @ApiProperty({ example: 'u-rep-1', description: 'The person (for team: the head of the team)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  userId: string;

  @ApiProperty({ example: '2026-03' })
  @Matches(SALES_MONTH_PATTERN, { message: 'month must be a month as YYYY-MM' })
  month: string;

  @ApiProperty({ type: MoneyDto, description: 'The adjusted forecast; CNY only' })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount: MoneyDto;

  @ApiProperty({ example: '车队订单预计月底签约' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note: string;
}

export class ForecastAdjustmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FORECAST_LEVELS }) level: string;
  @ApiProperty({ example: 'u-rep-1' }) userId: string;
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ example: 850000, description: 'CNY' }) amount: number;
  @ApiProperty({ example: 731000, description: 'The computed number when adjusted (CNY)' }) computed: number;
  @ApiProperty({ example: '车队订单预计月底签约' }) note: string;
  @ApiProperty({ example: 'u-manager-east' }) adjustedBy: string;
  @ApiProperty({ format: 'date-time' }) adjustedAt: string;
}

export class CategoryTotalView {
  @ApiProperty({ example: 3 }) count: number;
  @ApiProperty({ example: 630000, description: 'CNY' }) amount: number;
  @ApiProperty({ example: 504000, description: 'amount x stage probability (CNY)' }) weighted: number;
}

export class ForecastFiguresView {
  @ApiProperty({ type: CategoryTotalView, description: 'Won in the month' }) closed: CategoryTotalView;
  @ApiProperty({ type: CategoryTotalView }) commit: CategoryTotalView;
  @ApiProperty({ type: CategoryTotalView }) bestCase: CategoryTotalView;
  @ApiProperty({ type: CategoryTotalView }) pipeline: CategoryTotalView;
  @ApiProperty({ example: 731000, description: 'The weighted pipeline (closed at 100 %), CNY' })
  weighted: number;
  @ApiProperty({
    example: 0,
    description: 'Opportunities in other currencies, left out (no exchange rates to convert them)',
  })
  excludedOtherCurrencies: number;
}

class AdjustedForecastView {
  @ApiProperty({ type: ForecastFiguresView }) computed: ForecastFiguresView;
  @ApiProperty({ type: ForecastAdjustmentView, nullable: true, description: 'The newest adjustment' })
  adjusted: ForecastAdjustmentView | null;
  @ApiProperty({ example: 850000, description: 'Adjusted when adjusted, else the weighted pipeline (CNY)' })
  forecast: number;
  @ApiProperty({ type: [ForecastAdjustmentView], description: 'Every adjustment, newest first' })
  history: ForecastAdjustmentView[];
}

export class PersonForecastView extends AdjustedForecastView {
  @ApiProperty({ example: 'u-rep-1' }) userId: string;
  @ApiProperty({ example: '王芳' }) name: string;
  @ApiProperty({ nullable: true, type: String }) managerId: string | null;
}

export class ForecastMonthView {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ type: [PersonForecastView] }) people: PersonForecastView[];
}

export class TeamForecastView extends AdjustedForecastView {
  @ApiProperty({ example: 'u-manager-east' }) userId: string;
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ example: 4, description: 'People in the team, its head included' }) members: number;
  @ApiProperty({
    example: 760000,
    description: "The members' own forecasts (adjusted where adjusted) added up",
  })
  membersForecast: number;
}
