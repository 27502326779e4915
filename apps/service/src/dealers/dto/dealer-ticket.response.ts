import { ApiProperty } from '@nestjs/swagger';
import { TicketResponse, TicketTimelineResponse } from '../../tickets/dto/ticket.response';

/** A ticket as its selling dealer sees it: with the name of the station it is with. */
export class DealerTicketRowResponse extends TicketResponse {
  @ApiProperty({ type: String, nullable: true, example: '北京朝阳维修站' })
  stationName: string | null;
}

export class DealerTicketPageResponse {
  @ApiProperty({ type: [DealerTicketRowResponse] })
  items: DealerTicketRowResponse[];
  @ApiProperty({ example: 20 })
  limit: number;
  @ApiProperty({ example: 0 })
  offset: number;
}

export class DealerTicketResponse extends DealerTicketRowResponse {
  @ApiProperty({ type: TicketTimelineResponse })
  timeline: TicketTimelineResponse;
}
