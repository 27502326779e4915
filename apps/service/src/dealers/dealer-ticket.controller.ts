import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScoped, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { ForbiddenError } from '@crm/core';
import { PageQuery, UuidPipe } from '@crm/http';
import { PartnerScopes } from '../partner-scopes/partner-scopes';
import { StationRepository } from '../stations/station.repository';
import { Ticket } from '../tickets/ticket';
import { TicketQueryService } from '../tickets/ticket-query.service';
import { DealerTicketPageResponse, DealerTicketResponse } from './dto/dealer-ticket.response';

/** The selling dealer follows up with its customers: tickets about vehicles it sold, read only. */
@ApiTags('dealer')
@ApiBearerAuth()
@Controller('dealer/tickets')
@Roles(R.dealer)
export class DealerTicketController {
  constructor(
    private readonly queries: TicketQueryService,
    private readonly stations: StationRepository,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Tickets about vehicles the calling dealer sold, newest first, with station names',
  })
  @ApiOkResponse({ type: DealerTicketPageResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() page: PageQuery) {
    if (!principal.partnerId) throw new ForbiddenError('Only a dealer token has sold vehicles');
    const items = await this.withStationNames(
      await this.queries.list({ sellingDealerId: principal.partnerId, ...page }),
    );
    return { items, limit: page.limit, offset: page.offset };
  }

  @Get(':id')
  @PartnerScoped(PartnerScopes.soldTicket)
  @ApiOperation({ summary: 'One ticket about a vehicle the calling dealer sold, with its timeline' })
  @ApiOkResponse({ type: DealerTicketResponse })
  async get(@Param('id', UuidPipe) id: string) {
    const [ticket, timeline] = await Promise.all([this.queries.get(id), this.queries.timeline(id)]);
    const [named] = await this.withStationNames([ticket]);
    return { ...named, timeline };
  }

  private async withStationNames(tickets: Ticket[]) {
    const ids = tickets.flatMap((ticket) => (ticket.stationId ? [ticket.stationId] : []));
    const names = await this.stations.namesOf([...new Set(ids)]);
    return tickets.map((ticket) => ({
      ...ticket,
      stationName: ticket.stationId ? (names.get(ticket.stationId) ?? null) : null,
    }));
  }
}
