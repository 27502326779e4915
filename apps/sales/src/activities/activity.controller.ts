import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScoped, Principal, Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { SalesPartnerScopes } from '../partner-scopes';
import { SALES_ROLES } from '../sales.constants';
import { ActivityLogService } from './activity-log.service';
import { ActivityPageView, ActivityView, ListActivitiesQuery, LogActivityDto } from './dto/activity.dto';

@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
@Roles(...SALES_ROLES)
export class ActivityController {
  constructor(private readonly activities: ActivityLogService) {}

  @Post()
  @ApiOperation({
    summary: "Log a call, visit, meeting, test drive, email or task; it appears on the customer's timeline",
  })
  @ApiCreatedResponse({ type: ActivityView })
  log(@CurrentPrincipal() principal: Principal, @Body() body: LogActivityDto): Promise<ActivityView> {
    return this.activities.log(principal, body);
  }

  @Get()
  @ApiOperation({
    summary: 'Activities of the caller and everyone below them; with dueBy, the next steps falling due',
  })
  @ApiOkResponse({ type: ActivityPageView })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListActivitiesQuery,
  ): Promise<ActivityPageView> {
    return { items: await this.activities.list(principal, query), limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  @PartnerScoped(SalesPartnerScopes.activity)
  @ApiOperation({ summary: 'An activity; outside the caller’s branch or dealer it is 404' })
  @ApiOkResponse({ type: ActivityView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<ActivityView> {
    return this.activities.get(principal, id);
  }
}
