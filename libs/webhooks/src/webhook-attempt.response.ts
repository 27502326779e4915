import { ApiProperty } from '@nestjs/swagger';
import { WebhookAttemptRecord, WebhookDeliveryStatus } from './webhook-attempt-log';

/** One attempt in a delivery log (station webhooks, event subscriptions). */
export class WebhookAttemptResponse implements WebhookAttemptRecord {
  @ApiProperty({ example: 1 })
  attempt: number;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ type: Number, nullable: true, example: 503 })
  httpStatus: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'HTTP 503' })
  error: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Null while the outcome is unknown' })
  durationMs: number | null;
  @ApiProperty({
    enum: ['delivered', 'failed', 'unknown'],
    description:
      'unknown: written before the request was sent and never completed (in flight, or the sender stopped ' +
      'mid-send), so the receiver may have got it; the delivery is retried with the same webhook-id',
  })
  outcome: 'delivered' | 'failed' | 'unknown';
}

/** Where one delivery stands and every attempt at it, as a delivery log shows it (station webhooks, event subscriptions). */
export class WebhookDeliveryStateResponse {
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] })
  status: WebhookDeliveryStatus;
  @ApiProperty()
  attempts: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt: string | null;
  @ApiProperty({ type: Number, nullable: true })
  lastHttpStatus: number | null;
  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt: string | null;
  @ApiProperty({ type: [WebhookAttemptResponse] })
  history: WebhookAttemptResponse[];
}
