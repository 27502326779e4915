import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScoped, Principal, Roles } from '@crm/auth';
import { InvalidInputError } from '@crm/core';
import { UuidPipe } from '@crm/http';
import { SalesPartnerScopes } from '../partner-scopes';
import { SALES_ROLES } from '../sales.constants';
import { ListOrdersQuery, OrderPageView, OrderView, PlaceOrderDto } from './dto/order.dto';
import { OrderSource } from './order';
import { OrderPlacingService } from './order-placing.service';
import { OrderQueryService } from './order-query.service';

function sourceOf(body: PlaceOrderDto): OrderSource {
  if (body.quoteId && body.opportunityId)
    throw new InvalidInputError([
      { field: 'opportunityId', message: 'give either quoteId or opportunityId' },
    ]);
  return body.quoteId ? { quoteId: body.quoteId } : { opportunityId: body.opportunityId as string };
}

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
@Roles(...SALES_ROLES)
export class OrderController {
  constructor(
    private readonly placing: OrderPlacingService,
    private readonly queries: OrderQueryService,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      "Place the order of a deal from its accepted quote or a won opportunity's lines; publishes order.placed. 409 when already ordered",
  })
  @ApiCreatedResponse({ type: OrderView })
  place(@CurrentPrincipal() principal: Principal, @Body() body: PlaceOrderDto): Promise<OrderView> {
    return this.placing.place(principal, sourceOf(body));
  }

  @Get()
  @ApiOperation({ summary: 'Orders of the opportunities the caller sees, newest first' })
  @ApiOkResponse({ type: OrderPageView })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListOrdersQuery,
  ): Promise<OrderPageView> {
    return { items: await this.queries.list(principal, query), limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  @PartnerScoped(SalesPartnerScopes.order)
  @ApiOperation({ summary: 'An order with its items' })
  @ApiOkResponse({ type: OrderView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<OrderView> {
    return this.queries.get(principal, id);
  }
}
