import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const ROW_STATUSES = ['created', 'linked', 'unchanged', 'rejected', 'retryable'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

export class RowProblem {
  @ApiProperty({ example: 'buyer.email' })
  field: string;

  @ApiProperty({ example: 'buyer.email must be an email' })
  reason: string;
}

export class VehicleSaleRowResult {
  @ApiProperty({ description: "The row's index in the batch (0 for a single sale)" })
  row: number;

  @ApiPropertyOptional({ nullable: true, type: String })
  externalId: string | null;

  @ApiProperty({
    enum: ROW_STATUSES,
    description:
      'created: new customer and vehicle; linked: new vehicle of a customer the CRM knew; unchanged: imported before; ' +
      'rejected: see errors, nothing written; retryable: customer-master did not answer, send the row again',
  })
  status: RowStatus;

  @ApiPropertyOptional({ nullable: true, type: String })
  customerId: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  vehicleId: string | null;

  @ApiProperty({ type: [RowProblem] })
  errors: RowProblem[];
}

export class VehicleSaleImportSummary {
  @ApiProperty() created: number;
  @ApiProperty() linked: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() rejected: number;
  @ApiProperty() retryable: number;
}

export class VehicleSaleBatchResponse {
  @ApiProperty({ type: VehicleSaleImportSummary })
  summary: VehicleSaleImportSummary;

  @ApiProperty({ type: [VehicleSaleRowResult] })
  rows: VehicleSaleRowResult[];
}
