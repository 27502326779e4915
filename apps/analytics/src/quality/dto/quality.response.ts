import { ApiProperty } from '@nestjs/swagger';

export class ComplaintRateCell {
  @ApiProperty({ example: 'i5' })
  model: string;

  @ApiProperty({ example: 'air_conditioning' })
  qualityType: string;

  @ApiProperty({ example: '2026-07' })
  month: string;

  @ApiProperty({ description: 'Tickets opened in the month about the model and quality type', example: 12 })
  complaints: number;

  @ApiProperty({ description: 'Vehicles of the model registered (the fleet as the projection holds it now)' })
  vehicles: number;

  @ApiProperty({ example: 2.4 })
  complaintsPer1000: number;
}

export class ComplaintRatePage {
  @ApiProperty({ example: 'tickets opened in each month (UTC) with a vehicle of a known model' })
  basis: string;

  @ApiProperty({ type: [ComplaintRateCell], description: 'Newest month first, most complaints first' })
  items: ComplaintRateCell[];

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;

  @ApiProperty({ example: 40 })
  total: number;
}

export class QualityAlertView {
  @ApiProperty({ format: 'uuid' })
  alertId: string;

  @ApiProperty({ example: 'i5' })
  model: string;

  @ApiProperty({ example: 'air_conditioning' })
  qualityType: string;

  @ApiProperty({ example: '2026-07' })
  month: string;

  @ApiProperty({ example: 30 })
  complaints: number;

  @ApiProperty({ example: 5000 })
  vehicles: number;

  @ApiProperty({ description: "The baseline's mean complaints", example: 6 })
  expected: number;

  @ApiProperty({ description: 'The bound the month went above', example: 13.35 })
  upperBound: number;

  @ApiProperty({ format: 'date-time' })
  raisedAt: string;
}

export class QualityAlertPage {
  @ApiProperty({ type: [QualityAlertView], description: 'Newest first' })
  items: QualityAlertView[];

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;

  @ApiProperty({ example: 3 })
  total: number;
}

export class QualityCheckResult {
  @ApiProperty({ example: '2026-07' })
  month: string;

  @ApiProperty({
    type: [QualityAlertView],
    description: 'The alerts this check raised (none already raised)',
  })
  raised: QualityAlertView[];
}
