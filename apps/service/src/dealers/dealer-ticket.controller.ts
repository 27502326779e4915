import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScoped, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { ForbiddenError } from '@crm/core';
import { PageQuery, UuidPipe } from '@crm/http';
import { PartnerScopes } from '../partner-scopes/partner-scopes';
import { TicketQueryService } from '../tickets/ticket-query.service';
import { TicketPageResponse } from '../tickets/dto/ticket.response';
import { DealerTicketResponse } from './dto/dealer-ticket.response';

/** The selling dealer follows up with its customers: tickets about vehicles it sold, read only. */
@ApiTags('dealer')
@ApiBearerAuth()
@Controller('dealer/tickets')
@Roles(R.dealer)
export class DealerTicketController {
  constructor(private readonly queries: TicketQueryService) {}

  @Get()
  @ApiOperation({ summary: 'Tickets about vehicles the calling dealer sold, newest first' })
  @ApiOkResponse({ type: TicketPageResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() page: PageQuery) {
    if (!principal.partnerId) throw new ForbiddenError('Only a dealer token has sold vehicles');
    const items = await this.queries.list({ sellingDealerId: principal.partnerId, ...page });
    return { items, limit: page.limit, offset: page.offset };
  }

  @Get(':id')
  @PartnerScoped(PartnerScopes.soldTicket)
  @ApiOperation({ summary: 'One ticket about a vehicle the calling dealer sold, with its timeline' })
  @ApiOkResponse({ type: DealerTicketResponse })
  async get(@Param('id', UuidPipe) id: string) {
    const [ticket, timeline] = await Promise.all([this.queries.get(id), this.queries.timeline(id)]);
    return { ...ticket, timeline };
  }
}
