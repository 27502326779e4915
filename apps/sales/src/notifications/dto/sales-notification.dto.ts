import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import {
  SALES_NOTIFICATION_KINDS,
  SALES_RECORD_TYPES,
  SalesNotificationKind,
  SalesRecordType,
} from '@crm/contracts';
import { PageQuery } from '@crm/http';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'Only the unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class SalesNotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() recipientId: string;
  @ApiProperty({ enum: SALES_NOTIFICATION_KINDS }) kind: SalesNotificationKind;
  @ApiProperty({ example: '张经理 left guidance on your opportunity' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: SALES_RECORD_TYPES, description: 'The record to open' }) recordType: SalesRecordType;
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The dealer of the record, when a dealer’s',
  })
  partnerId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt: string | null;
}

export class InboxView {
  @ApiProperty({ type: [SalesNotificationView], description: 'Unread first, newest first' })
  items: SalesNotificationView[];
  @ApiProperty({ description: 'How many are unread in all' }) unread: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
