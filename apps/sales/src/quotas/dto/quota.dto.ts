import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MoneyDto } from '../../opportunities/dto/money.dto';
import { SALES_MONTH_PATTERN } from '../sales-month';

const MONTH_MESSAGE = (field: string) => ({ message: `${field} must be a month as YYYY-MM` });

export class SetQuotaDto {
  @ApiProperty({
    example: 20,
    minimum: 0,
    maximum: 100000,
    description: 'New prospects: leads the person owns that are created in the month, in any status',
  })
  @IsInt()
  @Min(0)
  @Max(100_000)
  prospects: number;

  @ApiProperty({
    type: MoneyDto,
    description: 'Revenue to win in the month (won opportunities closed in it); CNY only',
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  revenue: MoneyDto;
}

export class MonthQuery {
  @ApiPropertyOptional({ example: '2026-03', description: 'Defaults to the current month (Asia/Shanghai)' })
  @IsOptional()
  @Matches(SALES_MONTH_PATTERN, MONTH_MESSAGE('month'))
  month?: string;
}

export class MonthRangeQuery {
  @ApiPropertyOptional({ example: '2026-01', description: 'Defaults to the current month' })
  @IsOptional()
  @Matches(SALES_MONTH_PATTERN, MONTH_MESSAGE('from'))
  from?: string;

  @ApiPropertyOptional({ example: '2026-03', description: 'Defaults to from; at most 12 months' })
  @IsOptional()
  @Matches(SALES_MONTH_PATTERN, MONTH_MESSAGE('to'))
  to?: string;
}

export class QuotaView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'u-rep-1' }) userId: string;
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ example: 20 }) prospects: number;
  @ApiProperty({ example: 600000, description: 'CNY' }) revenue: number;
  @ApiProperty({ example: 'u-manager-east' }) setBy: string;
  @ApiProperty({ format: 'date-time' }) setAt: string;
}

export class MetricProgressView {
  @ApiProperty({ nullable: true, type: Number, example: 20 }) quota: number | null;
  @ApiProperty({ example: 7 }) actual: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 9.33,
    description: 'The quota pro-rated to the share of the month passed',
  })
  expectedByNow: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 0.35, description: 'actual / quota' })
  attainment: number | null;
  @ApiProperty({ description: 'Below the pro-rated quota' }) behind: boolean;
}

class QuotaProgressView {
  @ApiProperty({ type: MetricProgressView }) prospects: MetricProgressView;
  @ApiProperty({ type: MetricProgressView, description: 'CNY' }) revenue: MetricProgressView;
  @ApiProperty({ description: 'Behind on prospects or revenue' }) behind: boolean;
  @ApiProperty({
    example: 0,
    description: 'Won opportunities in other currencies, left out of revenue (no exchange rates)',
  })
  wonInOtherCurrencies: number;
}

export class PersonProgressView extends QuotaProgressView {
  @ApiProperty({ example: 'u-rep-1' }) userId: string;
  @ApiProperty({ example: '王芳' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: 'u-manager-east' }) managerId: string | null;
}

export class MonthProgressView {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ example: 0.4667, description: 'Share of the month passed (0..1)' }) elapsedShare: number;
  @ApiProperty({ type: [PersonProgressView] }) people: PersonProgressView[];
}

export class TeamMonthProgressView extends QuotaProgressView {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ example: 1 }) elapsedShare: number;
  @ApiProperty({ example: 4, description: 'People in the team, its head included' }) members: number;
}

export class TeamProgressView {
  @ApiProperty({ example: 'u-manager-east', description: 'The head of the team (subtree)' }) userId: string;
  @ApiProperty({ type: [TeamMonthProgressView] }) months: TeamMonthProgressView[];
}
