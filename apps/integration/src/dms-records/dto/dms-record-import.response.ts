import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RowProblem } from '../../vehicle-sales/dto/vehicle-sale-import.response';

export const DMS_ROW_STATUSES = ['created', 'updated', 'unchanged', 'rejected', 'retryable'] as const;
export type DmsRowStatus = (typeof DMS_ROW_STATUSES)[number];

export class DmsRecordRowResult {
  @ApiProperty({ description: "The row's index in the batch (0 for a single record)" })
  row: number;

  @ApiPropertyOptional({ nullable: true, type: String })
  externalId: string | null;

  @ApiProperty({
    enum: DMS_ROW_STATUSES,
    description:
      'created: new, published; updated: sent before with other data, published again; unchanged: sent before as it is; ' +
      'rejected: see errors, nothing written; retryable: the customer master did not answer, send the row again',
  })
  status: DmsRowStatus;

  @ApiPropertyOptional({ nullable: true, type: String, description: "The record's CRM id" })
  id: string | null;

  @ApiProperty({ type: [RowProblem] })
  errors: RowProblem[];
}

export class DmsRecordImportSummary {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() rejected: number;
  @ApiProperty() retryable: number;
}

export class DmsRecordBatchResponse {
  @ApiProperty({ type: DmsRecordImportSummary })
  summary: DmsRecordImportSummary;

  @ApiProperty({ type: [DmsRecordRowResult] })
  rows: DmsRecordRowResult[];
}
