import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScoped, Principal, Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { SalesPartnerScopes } from '../partner-scopes';
import { SALES_ROLES } from '../sales.constants';
import { GuidanceCommentView, GuidanceThreadView, PostGuidanceDto } from './dto/guidance.dto';
import { GuidanceService } from './guidance.service';

const POST_SUMMARY =
  "Guidance from a manager on a record of someone below them, or the owner's reply; the other side is notified. Elsewhere 404";
const LIST_SUMMARY = 'The guidance thread on a record the caller can see, oldest first';

/** One pair of routes per record type, so each sits under its record and keeps that record's partner scope. */
@ApiTags('guidance')
@ApiBearerAuth()
@Controller()
@Roles(...SALES_ROLES)
export class GuidanceController {
  constructor(private readonly guidance: GuidanceService) {}

  @Post('leads/:id/guidance')
  @PartnerScoped(SalesPartnerScopes.lead)
  @ApiOperation({ summary: POST_SUMMARY })
  @ApiCreatedResponse({ type: GuidanceCommentView })
  onLead(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() body: PostGuidanceDto,
  ): Promise<GuidanceCommentView> {
    return this.guidance.post(principal, 'lead', id, body.body);
  }

  @Get('leads/:id/guidance')
  @PartnerScoped(SalesPartnerScopes.lead)
  @ApiOperation({ summary: LIST_SUMMARY })
  @ApiOkResponse({ type: GuidanceThreadView })
  async ofLead(
    @CurrentPrincipal() p: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<GuidanceThreadView> {
    return { items: await this.guidance.list(p, 'lead', id) };
  }

  @Post('opportunities/:id/guidance')
  @PartnerScoped(SalesPartnerScopes.opportunity)
  @ApiOperation({ summary: POST_SUMMARY })
  @ApiCreatedResponse({ type: GuidanceCommentView })
  onOpportunity(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() body: PostGuidanceDto,
  ): Promise<GuidanceCommentView> {
    return this.guidance.post(principal, 'opportunity', id, body.body);
  }

  @Get('opportunities/:id/guidance')
  @PartnerScoped(SalesPartnerScopes.opportunity)
  @ApiOperation({ summary: LIST_SUMMARY })
  @ApiOkResponse({ type: GuidanceThreadView })
  async ofOpportunity(
    @CurrentPrincipal() p: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<GuidanceThreadView> {
    return { items: await this.guidance.list(p, 'opportunity', id) };
  }

  @Post('activities/:id/guidance')
  @PartnerScoped(SalesPartnerScopes.activity)
  @ApiOperation({ summary: POST_SUMMARY })
  @ApiCreatedResponse({ type: GuidanceCommentView })
  onActivity(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() body: PostGuidanceDto,
  ): Promise<GuidanceCommentView> {
    return this.guidance.post(principal, 'activity', id, body.body);
  }

  @Get('activities/:id/guidance')
  @PartnerScoped(SalesPartnerScopes.activity)
  @ApiOperation({ summary: LIST_SUMMARY })
  @ApiOkResponse({ type: GuidanceThreadView })
  async ofActivity(
    @CurrentPrincipal() p: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<GuidanceThreadView> {
    return { items: await this.guidance.list(p, 'activity', id) };
  }
}
