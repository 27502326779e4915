import { ApiProperty } from '@nestjs/swagger';
import { MailboxMessage } from '../dev-mailbox.repository';
import {
  CustomerNotification,
  NOTIFICATION_CHANNELS,
  NotificationAttempt,
  NotificationChannel,
  NotificationKind,
  NotificationKinds,
  NotificationStatus,
} from '../notification';

const STATUSES: NotificationStatus[] = ['pending', 'sent', 'failed', 'skipped'];
const nullableString = { type: String, nullable: true } as const;
const nullableDate = { type: String, format: 'date-time', nullable: true } as const;

export class NotificationAttemptResponse implements NotificationAttempt {
  @ApiProperty()
  attempt: number;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty(nullableString)
  error: string | null;
  @ApiProperty()
  durationMs: number;
}

export class CustomerNotificationResponse implements CustomerNotification {
  @ApiProperty({ format: 'uuid' })
  notificationId: string;
  @ApiProperty({ format: 'uuid' })
  ticketId: string;
  @ApiProperty({ enum: Object.values(NotificationKinds) })
  kind: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS })
  channel: NotificationChannel;
  @ApiProperty(nullableString)
  recipient: string | null;
  @ApiProperty(nullableString)
  subject: string | null;
  @ApiProperty()
  body: string;
  @ApiProperty({ enum: STATUSES })
  status: NotificationStatus;
  @ApiProperty({ ...nullableString, example: 'no consent' })
  skipReason: string | null;
  @ApiProperty()
  attempts: number;
  @ApiProperty(nullableDate)
  nextAttemptAt: string | null;
  @ApiProperty(nullableString)
  lastError: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty(nullableDate)
  sentAt: string | null;
  @ApiProperty({ type: [NotificationAttemptResponse] })
  history: NotificationAttemptResponse[];
}

export class CustomerNotificationsResponse {
  @ApiProperty({ type: [CustomerNotificationResponse] })
  items: CustomerNotificationResponse[];
}

export class MailboxMessageResponse implements MailboxMessage {
  @ApiProperty({ format: 'uuid' })
  messageId: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS })
  channel: NotificationChannel;
  @ApiProperty({ example: 'zhang.san@example.cn' })
  to: string;
  @ApiProperty(nullableString)
  subject: string | null;
  @ApiProperty()
  text: string;
  @ApiProperty({ format: 'date-time' })
  receivedAt: string;
}

export class MailboxPageResponse {
  @ApiProperty({ type: [MailboxMessageResponse] })
  items: MailboxMessageResponse[];
  @ApiProperty({ example: 20 })
  limit: number;
  @ApiProperty({ example: 0 })
  offset: number;
}
