import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScoped, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { PageQuery, UuidPipe } from '@crm/http';
import { PartnerScopes } from '../partner-scopes/partner-scopes';
import { ReasonDto } from '../tickets/dto/reason.dto';
import { TicketQueryService } from '../tickets/ticket-query.service';
import { ResolveTicketDto } from './dto/resolve-ticket.dto';
import { AppointmentDto, ProgressDto } from './dto/station-actions.dto';
import { actingStationOf, stationIdOf } from './station-principal';
import { StationResponseService } from './station-response.service';
import { StationWorkService } from './station-work.service';
import { TICKET_STEP_CONFLICT } from '../tickets/dto/ticket.response';
import { TicketPageResponse, TicketResponse, TicketTimelineResponse } from '../tickets/dto/ticket.response';

/** The repair station's API: only tickets currently assigned to the calling station (404 for any other). */
@ApiTags('station')
@ApiBearerAuth()
@Controller('station/tickets')
@Roles(R.repairStation)
export class StationTicketController {
  constructor(
    private readonly queries: TicketQueryService,
    private readonly responses: StationResponseService,
    private readonly work: StationWorkService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The station’s queue: tickets assigned to it, newest first' })
  @ApiOkResponse({ type: TicketPageResponse })
  async queue(@CurrentPrincipal() principal: Principal, @Query() page: PageQuery) {
    const items = await this.queries.list({ stationId: stationIdOf(principal), ...page });
    return { items, limit: page.limit, offset: page.offset };
  }

  @Get(':id')
  @PartnerScoped(PartnerScopes.assignedTicket)
  @ApiOperation({ summary: 'One ticket assigned to the station' })
  @ApiOkResponse({ type: TicketResponse })
  get(@Param('id', UuidPipe) id: string) {
    return this.queries.get(id);
  }

  @Get(':id/timeline')
  @PartnerScoped(PartnerScopes.assignedTicket)
  @ApiOperation({ summary: 'The steps of a ticket assigned to the station: when, and who did each, by name' })
  @ApiOkResponse({ type: TicketTimelineResponse })
  timeline(@Param('id', UuidPipe) id: string) {
    return this.queries.timeline(id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @PartnerScoped(PartnerScopes.assignedTicket)
  @ApiOperation({ summary: 'Take the ticket' })
  @ApiOkResponse({ type: TicketResponse })
  @ApiConflictResponse({ description: TICKET_STEP_CONFLICT })
  accept(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.responses.accept(id, actingStationOf(principal));
  }

  @Post(':id/decline')
  @HttpCode(200)
  @PartnerScoped(PartnerScopes.assignedTicket)
  @ApiOperation({ summary: 'Give the ticket back; it is routed to the next nearest able station' })
  @ApiOkResponse({ type: TicketResponse })
  @ApiConflictResponse({ description: TICKET_STEP_CONFLICT })
  decline(
    @Param('id', UuidPipe) id: string,
    @Body() body: ReasonDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.responses.decline(id, actingStationOf(principal), body.reason);
  }

  @Post(':id/appointment')
  @HttpCode(200)
  @PartnerScoped(PartnerScopes.assignedTicket)
  @ApiOperation({ summary: 'Propose when the customer should bring the vehicle' })
  @ApiOkResponse({ type: TicketResponse })
  @ApiConflictResponse({ description: TICKET_STEP_CONFLICT })
  appointment(
    @Param('id', UuidPipe) id: string,
    @Body() body: AppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.work.proposeAppointment(id, actingStationOf(principal), body.at);
  }

  @Post(':id/progress')
  @HttpCode(200)
  @PartnerScoped(PartnerScopes.assignedTicket)
  @ApiOperation({ summary: 'Report progress on the repair' })
  @ApiOkResponse({ type: TicketResponse })
  @ApiConflictResponse({ description: TICKET_STEP_CONFLICT })
  progress(
    @Param('id', UuidPipe) id: string,
    @Body() body: ProgressDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.work.updateProgress(id, actingStationOf(principal), body.note);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @PartnerScoped(PartnerScopes.assignedTicket)
  @ApiOperation({ summary: 'Resolve with the repair record (work done, parts, cost, technician)' })
  @ApiOkResponse({ type: TicketResponse })
  @ApiConflictResponse({ description: TICKET_STEP_CONFLICT })
  resolve(
    @Param('id', UuidPipe) id: string,
    @Body() body: ResolveTicketDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.work.resolve(id, actingStationOf(principal), body);
  }
}
