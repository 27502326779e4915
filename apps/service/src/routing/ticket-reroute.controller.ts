import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { TicketResponse } from '../tickets/dto/ticket.response';
import { RerouteTicketDto } from './dto/reroute-ticket.dto';
import { TicketRerouteService } from './ticket-reroute.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketRerouteController {
  constructor(private readonly reroutes: TicketRerouteService) {}

  @Post(':id/reroute')
  @HttpCode(200)
  @Roles(R.serviceManager)
  @ApiOperation({
    summary: 'Send the ticket to a station chosen by hand (ADR 0041)',
    description:
      'Frees the old station’s slot, takes one of the new station’s, records the decision and the reason in the ' +
      'timeline and publishes `ticket.routed` as an automatic routing does, so the new station is notified by webhook.',
  })
  @ApiOkResponse({ type: TicketResponse })
  @ApiBadRequestResponse({ description: 'No such station (`stationId`) or no reason' })
  @ApiConflictResponse({
    description: 'Resolved or closed ticket, the station it is at already, an inactive or a full station',
  })
  reroute(@Param('id', UuidPipe) id: string, @Body() body: RerouteTicketDto) {
    return this.reroutes.reroute(id, body.stationId, body.reason);
  }
}
