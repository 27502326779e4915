import { ApiProperty, PickType } from '@nestjs/swagger';
import { TicketResponse } from '../../tickets/dto/ticket.response';
import { ROUTED_WEBHOOK_EVENT } from '../webhook-outbox';

export class RoutedTicketPayload extends PickType(TicketResponse, [
  'ticketId',
  'ticketNumber',
  'customerId',
  'vehicleId',
  'vin',
  'brand',
  'sellingDealerId',
  'qualityType',
  'severity',
  'status',
  'description',
  'channel',
  'stationId',
  'location',
  'openedAt',
  'responseDueAt',
] as const) {}

export class RoutedStationPayload {
  @ApiProperty({ format: 'uuid' })
  stationId: string;
  @ApiProperty({ example: '深圳南山站' })
  name: string;
}

/** The body of the `ticket.routed` webhook a repair station receives. */
export class TicketRoutedWebhook {
  @ApiProperty({ enum: [ROUTED_WEBHOOK_EVENT] })
  event: typeof ROUTED_WEBHOOK_EVENT;
  @ApiProperty({ format: 'uuid', description: 'Also the `webhook-id` header; the same on every retry' })
  deliveryId: string;
  @ApiProperty({ type: RoutedTicketPayload })
  ticket: RoutedTicketPayload;
  @ApiProperty({ type: RoutedStationPayload })
  station: RoutedStationPayload;
}
