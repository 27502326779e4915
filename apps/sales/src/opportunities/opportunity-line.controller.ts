import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScoped, Principal, Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { SalesPartnerScopes } from '../partner-scopes';
import { SALES_ROLES } from '../sales.constants';
import { toMoney } from './dto/money.dto';
import { AddOpportunityLineDto, OpportunityLinesView } from './dto/opportunity-line.dto';
import { OpportunityLineService } from './opportunity-line.service';

@ApiTags('opportunities')
@ApiBearerAuth()
@Controller('opportunities/:id/lines')
@Roles(...SALES_ROLES)
@PartnerScoped(SalesPartnerScopes.opportunity)
export class OpportunityLineController {
  constructor(private readonly lines: OpportunityLineService) {}

  @Get()
  @ApiOperation({ summary: "An opportunity's products and the amount they add up to" })
  @ApiOkResponse({ type: OpportunityLinesView })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<OpportunityLinesView> {
    return this.lines.list(principal, id);
  }

  @Post()
  @ApiOperation({
    summary:
      "Add a trim to an open opportunity, priced from the region's price list unless a unit price is given; the amount becomes the sum of the lines",
  })
  @ApiCreatedResponse({ type: OpportunityLinesView })
  add(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() body: AddOpportunityLineDto,
  ): Promise<OpportunityLinesView> {
    return this.lines.add(principal, id, { ...body, unitPrice: toMoney(body.unitPrice) });
  }

  @Delete(':lineId')
  @ApiOperation({ summary: 'Remove a line; the amount is the sum of those left (none left: no amount)' })
  @ApiOkResponse({ type: OpportunityLinesView })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('lineId', UuidPipe) lineId: string,
  ): Promise<OpportunityLinesView> {
    return this.lines.remove(principal, id, lineId);
  }
}
