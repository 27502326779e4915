import { ApiProperty, PickType } from '@nestjs/swagger';
import { TicketResponse } from '../../tickets/dto/ticket.response';
import { WITHDRAWN_WEBHOOK_EVENT } from '../webhook-outbox';
import { RoutedStationPayload } from './ticket-routed.webhook';

export class WithdrawnTicketPayload extends PickType(TicketResponse, ['ticketId', 'ticketNumber'] as const) {}

/** The body of the `ticket.withdrawn` webhook: a service manager sent a ticket of this station's elsewhere. */
export class TicketWithdrawnWebhook {
  @ApiProperty({ enum: [WITHDRAWN_WEBHOOK_EVENT] })
  event: typeof WITHDRAWN_WEBHOOK_EVENT;
  @ApiProperty({ format: 'uuid', description: 'Also the `webhook-id` header; the same on every retry' })
  deliveryId: string;
  @ApiProperty({ type: WithdrawnTicketPayload })
  ticket: WithdrawnTicketPayload;
  @ApiProperty({ type: RoutedStationPayload, description: 'The station the ticket was taken from (yours)' })
  station: RoutedStationPayload;
}
