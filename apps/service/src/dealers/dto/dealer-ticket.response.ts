import { ApiProperty } from '@nestjs/swagger';
import { TicketResponse, TicketTimelineResponse } from '../../tickets/dto/ticket.response';

export class DealerTicketResponse extends TicketResponse {
  @ApiProperty({ type: TicketTimelineResponse })
  timeline: TicketTimelineResponse;
}
