import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { CAMPAIGN_ROLES } from '../campaigns.constants';
import { CampaignService } from './campaign.service';
import {
  CampaignListQuery,
  CampaignListView,
  CampaignView,
  CreateCampaignDto,
  ScheduleCampaignDto,
  UpdateCampaignDto,
} from './dto/campaign.dto';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
@Roles(...CAMPAIGN_ROLES)
export class CampaignController {
  constructor(private readonly campaigns: CampaignService) {}

  @Post()
  @ApiOperation({ summary: 'Draft a campaign: a segment, a channel and a message template (zh-CN, en)' })
  @ApiCreatedResponse({ type: CampaignView })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.create({ ...body, createdBy: principal.subject });
  }

  @Get()
  @ApiOperation({ summary: 'Campaigns, newest first, optionally by status' })
  @ApiOkResponse({ type: CampaignListView })
  async list(@Query() query: CampaignListQuery): Promise<CampaignListView> {
    const items = await this.campaigns.list(query.limit, query.offset, query.status);
    return { items, limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A campaign' })
  @ApiOkResponse({ type: CampaignView })
  get(@Param('id', UuidPipe) id: string): Promise<CampaignView> {
    return this.campaigns.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a draft (name, segment, template)' })
  @ApiOkResponse({ type: CampaignView })
  @ApiConflictResponse({ description: 'The campaign is no longer a draft' })
  update(@Param('id', UuidPipe) id: string, @Body() body: UpdateCampaignDto): Promise<CampaignView> {
    return this.campaigns.update(id, body);
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Schedule a draft for sendAt (absent: now); publishes campaign.scheduled' })
  @ApiOkResponse({ type: CampaignView })
  @ApiConflictResponse({ description: 'The campaign is no longer a draft' })
  schedule(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() body: ScheduleCampaignDto,
  ): Promise<CampaignView> {
    return this.campaigns.schedule(id, body.sendAt, principal.subject);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a draft or a scheduled campaign before it is sent' })
  @ApiOkResponse({ type: CampaignView })
  @ApiConflictResponse({ description: 'The campaign is already sending or sent' })
  cancel(@Param('id', UuidPipe) id: string): Promise<CampaignView> {
    return this.campaigns.cancel(id);
  }
}
