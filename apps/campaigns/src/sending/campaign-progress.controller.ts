import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { CAMPAIGN_ROLES } from '../campaigns.constants';
import { CampaignProgressService } from './campaign-progress.service';
import { CampaignProgressView } from './dto/campaign-progress.dto';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
@Roles(...CAMPAIGN_ROLES)
export class CampaignProgressController {
  constructor(private readonly progress: CampaignProgressService) {}

  @Get(':id/progress')
  @ApiOperation({
    summary:
      "Where a campaign's send stands, readable while it runs: queued, sent, failed, skipped by reason",
  })
  @ApiOkResponse({ type: CampaignProgressView })
  get(@Param('id', UuidPipe) id: string): Promise<CampaignProgressView> {
    return this.progress.of(id);
  }
}
