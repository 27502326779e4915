import { ApiProperty } from '@nestjs/swagger';
import { ReportFreshness, ReportWindow } from '../../service-kpis/dto/service-kpi.response';
import {
  SEVEN_PS,
  SEVEN_PS_FILTERS,
  SEVEN_PS_GROUPINGS,
  SevenP,
  SevenPsFilter,
  SevenPsGrouping,
} from '../seven-p-report';

export type SevenPsCell = string | number | null;
export type SevenPsRow = Record<string, SevenPsCell>;

export class SevenPsReport {
  @ApiProperty({ enum: SEVEN_PS })
  p: SevenP;

  @ApiProperty({ type: ReportWindow, description: 'The window every figure covers, and what it selects' })
  window: ReportWindow;

  @ApiProperty({ type: ReportFreshness })
  freshness: ReportFreshness;

  @ApiProperty({ example: 'CNY', description: 'Every amount is in this currency; others are left out' })
  currency: string;

  @ApiProperty({ enum: SEVEN_PS_GROUPINGS, description: 'One row per this' })
  by: SevenPsGrouping;

  @ApiProperty({ enum: SEVEN_PS_GROUPINGS, isArray: true, description: 'The groupings this P offers' })
  groupings: SevenPsGrouping[];

  @ApiProperty({
    enum: SEVEN_PS_FILTERS,
    isArray: true,
    description: 'The filters this P (so grouped) takes',
  })
  filters: SevenPsFilter[];

  @ApiProperty({
    type: [String],
    description: 'The row keys then the figures, in the order the CSV export has them',
    example: ['tier', 'customers', 'newCustomers', 'share'],
  })
  columns: string[];

  @ApiProperty({
    type: [String],
    description: 'What these figures cannot show for want of data in the events',
  })
  missing: string[];

  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }], nullable: true },
    },
    description: 'One row per group, ordered by its keys; a null key: not known (no profile, no birthday)',
    example: [{ tier: 'gold', customers: 12, newCustomers: 3, share: 0.1 }],
  })
  items: SevenPsRow[];

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;

  @ApiProperty({ example: 4 })
  total: number;
}
