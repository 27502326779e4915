import { ApiProperty } from '@nestjs/swagger';
import { ImportJob, ImportJobStatus, Rejection } from '../import-job';

const STATUSES: ImportJobStatus[] = ['running', 'completed', 'failed'];

export class RejectionResponse implements Rejection {
  @ApiProperty({
    description: 'Line number in the file where the row ends; the header is line 1',
    example: 7,
  })
  row: number;
  @ApiProperty({ type: String, nullable: true })
  externalId: string | null;
  @ApiProperty({ example: 'phone' })
  field: string;
  @ApiProperty({ example: 'not a phone number' })
  reason: string;
}

export class ImportJobResponse implements ImportJob {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: STATUSES })
  status: ImportJobStatus;
  @ApiProperty({ example: 'legacy-customers.csv' })
  fileName: string;
  @ApiProperty({ description: 'created + duplicates + rejected' })
  totalRows: number;
  @ApiProperty()
  created: number;
  @ApiProperty()
  duplicates: number;
  @ApiProperty({ description: 'Duplicate rows whose new vehicle went to the existing customer' })
  vehiclesAttached: number;
  @ApiProperty()
  rejected: number;
  @ApiProperty({ type: [RejectionResponse] })
  rejections: RejectionResponse[];
  @ApiProperty({ type: String, nullable: true })
  error: string | null;
  @ApiProperty({ format: 'date-time' })
  startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;
  @ApiProperty()
  createdBy: string;
}
