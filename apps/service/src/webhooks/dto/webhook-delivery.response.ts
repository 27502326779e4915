import { ApiProperty } from '@nestjs/swagger';
import { WebhookAttemptResponse, WebhookDeliveryStatus } from '@crm/webhooks';
import { WebhookDelivery } from '../webhook-delivery';

const STATUSES: WebhookDeliveryStatus[] = ['pending', 'delivered', 'failed'];

export class WebhookDeliveryResponse implements WebhookDelivery {
  @ApiProperty({ format: 'uuid', description: 'Sent as `webhook-id`, the same on every retry' })
  deliveryId: string;
  @ApiProperty({ format: 'uuid' })
  ticketId: string;
  @ApiProperty({ format: 'uuid' })
  stationId: string;
  @ApiProperty({ format: 'uri' })
  url: string;
  @ApiProperty({ enum: STATUSES })
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

export class WebhookDeliveriesResponse {
  @ApiProperty({ type: [WebhookDeliveryResponse] })
  items: WebhookDeliveryResponse[];
}
