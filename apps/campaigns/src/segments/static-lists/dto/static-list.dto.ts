import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SegmentView } from '../../dto/segment.dto';
import { REJECTION_REASONS } from '../static-list-row';

export class StaticListQuery {
  @ApiProperty({ example: 'Spring test-drive invitees', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class RejectedRowView {
  @ApiProperty({ example: 7, description: 'The line in the file; the header is line 1' }) row: number;
  @ApiProperty({ enum: REJECTION_REASONS, example: 'unknown-customer' }) reason: string;
  @ApiProperty({ example: 'no customer has this phone' }) message: string;
}

export class StaticListImportView {
  @ApiProperty({ type: SegmentView }) segment: SegmentView;
  @ApiProperty({ example: 120, description: 'Data rows in the file' }) totalRows: number;
  @ApiProperty({ example: 117, description: 'Customers in the list: totalRows minus the rejected rows' })
  imported: number;
  @ApiProperty({ type: [RejectedRowView], description: 'Every row left out, with its line and why' })
  rejected: RejectedRowView[];
}
