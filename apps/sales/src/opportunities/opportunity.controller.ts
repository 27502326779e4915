import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScoped, Principal, Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { SALES_ROLES } from '../sales.constants';
import { toMoney } from './dto/money.dto';
import {
  ChangeOpportunityDto,
  CloseReasonDto,
  ListOpportunitiesQuery,
  MoveStageDto,
  OpenOpportunityDto,
  OpportunityDetailView,
  OpportunityPageView,
  OpportunityView,
  WinOpportunityDto,
} from './dto/opportunity.dto';
import { OpportunityCreateService } from './opportunity-create.service';
import { OpportunityEditService } from './opportunity-edit.service';
import { OpportunityQueryService } from './opportunity-query.service';
import { OpportunityStageService } from './opportunity-stage.service';
import { SalesPartnerScopes } from '../partner-scopes';

@ApiTags('opportunities')
@ApiBearerAuth()
@Controller('opportunities')
@Roles(...SALES_ROLES)
export class OpportunityController {
  constructor(
    private readonly creating: OpportunityCreateService,
    private readonly queries: OpportunityQueryService,
    private readonly stages: OpportunityStageService,
    private readonly editing: OpportunityEditService,
  ) {}

  @Post()
  @ApiOperation({
    summary: "Open an opportunity in a pipeline (the default pipeline's first stage unless told)",
  })
  @ApiCreatedResponse({ type: OpportunityView })
  open(@CurrentPrincipal() principal: Principal, @Body() body: OpenOpportunityDto): Promise<OpportunityView> {
    return this.creating.create(principal, { ...body, amount: toMoney(body.amount) });
  }

  @Get()
  @ApiOperation({
    summary:
      "The caller's pipeline: their own opportunities and those of everyone below them, by expected close date",
  })
  @ApiOkResponse({ type: OpportunityPageView })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListOpportunitiesQuery,
  ): Promise<OpportunityPageView> {
    return { items: await this.queries.list(principal, query), limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  @PartnerScoped(SalesPartnerScopes.opportunity)
  @ApiOperation({ summary: 'An opportunity with its stage history (who moved it, when)' })
  @ApiOkResponse({ type: OpportunityDetailView })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<OpportunityDetailView> {
    return this.queries.get(principal, id);
  }

  @Patch(':id')
  @PartnerScoped(SalesPartnerScopes.opportunity)
  @ApiOperation({ summary: 'Change the name, amount, expected close date or owner of an open opportunity' })
  @ApiOkResponse({ type: OpportunityView })
  change(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() body: ChangeOpportunityDto,
  ): Promise<OpportunityView> {
    return this.editing.change(principal, id, { ...body, amount: toMoney(body.amount) });
  }

  @Post(':id/stage')
  @HttpCode(200)
  @PartnerScoped(SalesPartnerScopes.opportunity)
  @ApiOperation({ summary: 'Move an open opportunity to another open stage; kept in its history' })
  @ApiOkResponse({ type: OpportunityView })
  move(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() body: MoveStageDto,
  ): Promise<OpportunityView> {
    return this.stages.move(principal, id, body.stage);
  }

  @Post(':id/win')
  @HttpCode(200)
  @PartnerScoped(SalesPartnerScopes.opportunity)
  @ApiOperation({ summary: 'Close as won with a reason; 409 without an amount (given here or set before)' })
  @ApiOkResponse({ type: OpportunityView })
  win(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() body: WinOpportunityDto,
  ): Promise<OpportunityView> {
    return this.stages.win(principal, id, body.reason, toMoney(body.amount));
  }

  @Post(':id/lose')
  @HttpCode(200)
  @PartnerScoped(SalesPartnerScopes.opportunity)
  @ApiOperation({ summary: 'Close as lost with a reason' })
  @ApiOkResponse({ type: OpportunityView })
  lose(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() body: CloseReasonDto,
  ): Promise<OpportunityView> {
    return this.stages.lose(principal, id, body.reason);
  }
}
