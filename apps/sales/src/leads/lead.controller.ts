import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CallerAuthorization, CurrentPrincipal, PartnerScoped, Principal, Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { toMoney } from '../opportunities/dto/money.dto';
import { SalesPartnerScopes } from '../partner-scopes';
import { LEAD_ASSIGN_ROLES, LEAD_CAPTURE_ROLES, SALES_ROLES } from '../sales.constants';
import {
  AssignLeadDto,
  CaptureLeadDto,
  ChangeLeadDto,
  ConvertLeadDto,
  LeadConversionView,
  LeadPageView,
  LeadView,
  ListLeadsQuery,
} from './dto/lead.dto';
import { LeadAssignmentService } from './assignment/lead-assignment.service';
import { LeadCaptureService } from './lead-capture.service';
import { LeadConversionService } from './lead-conversion.service';
import { LeadWorkService } from './lead-work.service';

@ApiTags('leads')
@ApiBearerAuth()
@Controller('leads')
export class LeadController {
  constructor(
    private readonly capturing: LeadCaptureService,
    private readonly working: LeadWorkService,
    private readonly converting: LeadConversionService,
    private readonly assigning: LeadAssignmentService,
  ) {}

  @Post()
  @Roles(...LEAD_CAPTURE_ROLES)
  @ApiOperation({
    summary:
      'Capture a lead (web form, dealer, showroom, call center); matched to a known customer by phone, email and name, and assigned by the rule for its source',
  })
  @ApiCreatedResponse({ type: LeadView })
  capture(@CurrentPrincipal() principal: Principal, @Body() body: CaptureLeadDto): Promise<LeadView> {
    const budget = toMoney(body.interest?.budget);
    return this.capturing.capture(principal, { ...body, interest: { ...body.interest, budget } });
  }

  @Get()
  @Roles(...SALES_ROLES)
  @ApiOperation({
    summary: "The caller's leads and those of everyone below them (a dealer: its own), newest first",
  })
  @ApiOkResponse({ type: LeadPageView })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListLeadsQuery,
  ): Promise<LeadPageView> {
    return { items: await this.working.list(principal, query), limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  @Roles(...SALES_ROLES)
  @PartnerScoped(SalesPartnerScopes.lead)
  @ApiOperation({ summary: 'A lead; another branch’s or another dealer’s lead is 404' })
  @ApiOkResponse({ type: LeadView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<LeadView> {
    return this.working.get(principal, id);
  }

  @Patch(':id')
  @Roles(...SALES_ROLES)
  @PartnerScoped(SalesPartnerScopes.lead)
  @ApiOperation({ summary: 'Work a lead: status, score, notes, or hand it to someone in your branch' })
  @ApiOkResponse({ type: LeadView })
  change(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() body: ChangeLeadDto,
  ): Promise<LeadView> {
    return this.working.change(principal, id, body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles(...LEAD_ASSIGN_ROLES)
  @ApiOperation({
    summary:
      'Assign a lead to the nearest dealer selling its model, or to the next rep of a team (round-robin); the decision is kept on the lead',
  })
  @ApiOkResponse({ type: LeadView })
  @ApiConflictResponse({
    description: 'The lead is converted, no dealer sells its model, or the team is empty',
  })
  assign(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() body: AssignLeadDto,
  ): Promise<LeadView> {
    return this.assigning.assign(principal, id, body);
  }

  @Post(':id/convert')
  @HttpCode(200)
  @Roles(...SALES_ROLES)
  @PartnerScoped(SalesPartnerScopes.lead)
  @ApiOperation({
    summary:
      'Convert a lead: its customer (registered in the customer master unless known) and an opportunity; converting again answers the same',
  })
  @ApiOkResponse({ type: LeadConversionView })
  @ApiConflictResponse({
    description:
      'The lead is disqualified, or the customer master found several likely customers (`candidates`)',
  })
  @ApiServiceUnavailableResponse({ description: 'The customer master did not answer; the lead is unchanged' })
  convert(
    @CurrentPrincipal() principal: Principal,
    @CallerAuthorization() authorization: string,
    @Param('id', UuidPipe) id: string,
    @Body() body: ConvertLeadDto,
  ): Promise<LeadConversionView> {
    return this.converting.convert(principal, authorization, id, { ...body, amount: toMoney(body.amount) });
  }
}
