import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R, STAFF_ROLES } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { ListTicketsQuery } from './dto/list-tickets.query';
import { OpenTicketDto } from './dto/open-ticket.dto';
import { ReasonDto } from './dto/reason.dto';
import { TicketClosingService } from './ticket-closing.service';
import { TicketOpeningService } from './ticket-opening.service';
import { TicketQueryService } from './ticket-query.service';
import { TicketReopeningService } from './ticket-reopening.service';
import { TICKET_STEP_CONFLICT } from './dto/ticket.response';
import { TicketPageResponse, TicketResponse, TicketTimelineResponse } from './dto/ticket.response';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketController {
  constructor(
    private readonly opening: TicketOpeningService,
    private readonly queries: TicketQueryService,
    private readonly closing: TicketClosingService,
    private readonly reopening: TicketReopeningService,
  ) {}

  @Post()
  @Roles(R.agent, R.serviceManager)
  @ApiOperation({ summary: 'Open a ticket; it is routed to the nearest able station at once' })
  @ApiCreatedResponse({ type: TicketResponse })
  open(@Body() body: OpenTicketDto) {
    return this.opening.open(body);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'Tickets, newest first, filtered by status, customer, station, type or escalation',
  })
  @ApiOkResponse({ type: TicketPageResponse })
  async list(@Query() query: ListTicketsQuery) {
    return { items: await this.queries.list(query), limit: query.limit, offset: query.offset };
  }

  @Get(':id/timeline')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'When it was reported, routed, accepted and resolved, by whom, and how long each step took',
  })
  @ApiOkResponse({ type: TicketTimelineResponse })
  timeline(@Param('id', UuidPipe) id: string) {
    return this.queries.timeline(id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(R.agent, R.serviceManager)
  @ApiOperation({ summary: 'Close a resolved ticket' })
  @ApiOkResponse({ type: TicketResponse })
  @ApiConflictResponse({ description: TICKET_STEP_CONFLICT })
  close(@Param('id', UuidPipe) id: string) {
    return this.closing.close(id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles(R.agent, R.serviceManager)
  @ApiOperation({ summary: 'Reopen a resolved or closed ticket; it is routed again' })
  @ApiOkResponse({ type: TicketResponse })
  @ApiConflictResponse({ description: TICKET_STEP_CONFLICT })
  reopen(@Param('id', UuidPipe) id: string, @Body() body: ReasonDto) {
    return this.reopening.reopen(id, body.reason);
  }
}
