import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { RowProblem } from '../../vehicle-sales/dto/vehicle-sale-import.response';

/** A record the DMS cancelled or deleted, by its DMS id (ADR 0054). */
abstract class DmsCancellationRowDto {
  @ApiProperty({ description: "The record's id in the DMS, as it was sent", example: 'O-2026-0042' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  externalId: string;

  @ApiPropertyOptional({
    description: "The DMS's reason, passed on in the event",
    example: 'customer withdrew',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** An order, invoice or payment a dealer's DMS cancelled. */
export class DmsDealerCancellationRowDto extends DmsCancellationRowDto {
  @ApiPropertyOptional({ description: "The dealer's id: a dealer's own (may be left out), named by admins" })
  @IsOptional()
  @IsUUID()
  dealerId?: string;
}

/** A paid repair a station's DMS cancelled. */
export class DmsStationCancellationRowDto extends DmsCancellationRowDto {
  @ApiPropertyOptional({
    description: "The station's id: a station's own (may be left out), named by admins",
  })
  @IsOptional()
  @IsUUID()
  stationId?: string;
}

export const DMS_CANCELLATION_STATUSES = ['cancelled', 'unchanged', 'rejected'] as const;
export type DmsCancellationStatus = (typeof DMS_CANCELLATION_STATUSES)[number];

export class DmsCancellationRowResult {
  @ApiProperty({ description: "The row's index in the batch (0 for a single record)" })
  row: number;

  @ApiPropertyOptional({ nullable: true, type: String })
  externalId: string | null;

  @ApiProperty({
    enum: DMS_CANCELLATION_STATUSES,
    description:
      'cancelled: now, published; unchanged: cancelled before, nothing published; rejected: see errors (an unknown ' +
      'externalId, a bad row), nothing written',
  })
  status: DmsCancellationStatus;

  @ApiPropertyOptional({ nullable: true, type: String, description: "The record's CRM id" })
  id: string | null;

  @ApiProperty({ type: [RowProblem] })
  errors: RowProblem[];
}

export class DmsCancellationSummary {
  @ApiProperty() cancelled: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() rejected: number;
}

export class DmsCancellationBatchResponse {
  @ApiProperty({ type: DmsCancellationSummary })
  summary: DmsCancellationSummary;

  @ApiProperty({ type: [DmsCancellationRowResult] })
  rows: DmsCancellationRowResult[];
}
