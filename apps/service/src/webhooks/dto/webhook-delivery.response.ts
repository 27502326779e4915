import { ApiProperty } from '@nestjs/swagger';
import { WebhookDeliveryStateResponse } from '@crm/webhooks';
import { WebhookDelivery } from '../webhook-delivery';

export class WebhookDeliveryResponse extends WebhookDeliveryStateResponse implements WebhookDelivery {
  @ApiProperty({ format: 'uuid', description: 'Sent as `webhook-id`, the same on every retry' })
  deliveryId: string;
  @ApiProperty({ format: 'uuid' })
  ticketId: string;
  @ApiProperty({ format: 'uuid' })
  stationId: string;
  @ApiProperty({ format: 'uri' })
  url: string;
}

export class WebhookDeliveriesResponse {
  @ApiProperty({ type: [WebhookDeliveryResponse] })
  items: WebhookDeliveryResponse[];
}

export class WebhookDeliveryPageResponse extends WebhookDeliveriesResponse {
  @ApiProperty({ example: 20 })
  limit: number;
  @ApiProperty({ example: 0 })
  offset: number;
}
