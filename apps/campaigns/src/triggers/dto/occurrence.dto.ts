import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { SkippedCountsView } from '../../sending/dto/campaign-progress.dto';
import { ALL_HOLIDAYS, HolidayKey } from '../holiday-calendar';

export class OccurrenceRecipientsView {
  @ApiProperty({ example: 42, description: 'Recipients frozen for this run' }) total: number;
  @ApiProperty({ example: 0, description: 'Waiting or being sent' }) queued: number;
  @ApiProperty({ example: 40 }) sent: number;
  @ApiProperty({ example: 0 }) failed: number;
  @ApiProperty({ type: SkippedCountsView }) skipped: SkippedCountsView;
}

export class OccurrenceView {
  @ApiProperty({
    example: 'birthday:2026-11-30',
    description: 'The run: a trigger and day, a holiday and its date, or a cron time',
  })
  occurrence: string;
  @ApiProperty({
    example: 2,
    description: 'The step its recipients were frozen under (part of the idempotency key)',
  })
  step: number;
  @ApiProperty({ format: 'date-time' }) frozenAt: string;
  @ApiProperty({ type: OccurrenceRecipientsView }) recipients: OccurrenceRecipientsView;
}

export class OccurrenceListView {
  @ApiProperty({ type: [OccurrenceView] }) items: OccurrenceView[];
  @ApiProperty({ example: 20 }) limit: number;
  @ApiProperty({ example: 0 }) offset: number;
}

export class HolidayYearQuery {
  @ApiProperty({ example: 2027, minimum: 1901, maximum: 2099 })
  @Type(() => Number)
  @IsInt()
  @Min(1901)
  @Max(2099)
  year: number;
}

export class HolidayView {
  @ApiProperty({ enum: ALL_HOLIDAYS, example: 'spring-festival' }) key: HolidayKey;
  @ApiProperty({ example: '春节' }) name: string;
  @ApiProperty({ format: 'date', example: '2027-02-06' }) date: string;
}

export class HolidayListView {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ type: [HolidayView] }) items: HolidayView[];
}
