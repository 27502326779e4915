import { ApiProperty } from '@nestjs/swagger';
import { WebhookAttemptRecord } from './webhook-attempt-log';

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
