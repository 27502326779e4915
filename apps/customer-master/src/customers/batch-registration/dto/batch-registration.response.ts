import { ApiProperty } from '@nestjs/swagger';

const STATUSES = ['created', 'matched', 'rejected'] as const;

export class RowProblemResponse {
  @ApiProperty({ example: 'customer.phones.0' })
  field: string;
  @ApiProperty({ example: '"12345" is not a valid phone number' })
  reason: string;
}

export class BatchCandidateResponse {
  @ApiProperty({ format: 'uuid' })
  customerId: string;
  @ApiProperty({ example: '张三' })
  name: string;
  @ApiProperty({ enum: ['phone', 'email', 'name-and-birthday'], isArray: true })
  reasons: string[];
}

export class BatchRowResultResponse {
  @ApiProperty({ description: 'Index of the row in the request', example: 0 })
  row: number;
  @ApiProperty({
    enum: STATUSES,
    description:
      'created: a new customer (and vehicle); matched: the row is a customer already stored or earlier in the ' +
      'batch (its vehicle added to them when new); rejected: nothing written for the row, see errors',
  })
  status: (typeof STATUSES)[number];
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  customerId: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The row's vehicle, new or already the customer's",
  })
  vehicleId: string | null;
  @ApiProperty({ description: 'A matched row whose new vehicle was added to the stored customer' })
  vehicleAdded: boolean;
  @ApiProperty({ type: [RowProblemResponse] })
  errors: RowProblemResponse[];
  @ApiProperty({
    type: [BatchCandidateResponse],
    description: 'For a row refused as ambiguous: the stored customers it may be that the caller may see',
  })
  candidates: BatchCandidateResponse[];
}

export class BatchSummaryResponse {
  @ApiProperty()
  created: number;
  @ApiProperty()
  matched: number;
  @ApiProperty()
  rejected: number;
}

export class BatchRegistrationResponse {
  @ApiProperty({ type: BatchSummaryResponse })
  summary: BatchSummaryResponse;
  @ApiProperty({ type: [BatchRowResultResponse] })
  rows: BatchRowResultResponse[];
}
