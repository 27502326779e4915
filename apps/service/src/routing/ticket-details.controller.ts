import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { STAFF_ROLES } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { TicketQueryService } from '../tickets/ticket-query.service';
import { RoutingDecisionRepository } from './routing-decision.repository';
import { TicketDetailsResponse } from './dto/ticket-details.response';

/** One ticket as the agent sees it: the ticket core's record with the routing decisions made for it. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketDetailsController {
  constructor(
    private readonly queries: TicketQueryService,
    private readonly decisions: RoutingDecisionRepository,
  ) {}

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One ticket with its SLA due times and every routing decision' })
  @ApiOkResponse({ type: TicketDetailsResponse })
  async get(@Param('id', UuidPipe) id: string) {
    const ticket = await this.queries.get(id);
    return { ...ticket, routing: await this.decisions.forTicket(id) };
  }
}
