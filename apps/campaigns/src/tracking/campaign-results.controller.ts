import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { CAMPAIGN_ROLES } from '../campaigns.constants';
import { CampaignResultsService } from './campaign-results.service';
import { CampaignResultsView } from './dto/campaign-results.dto';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
@Roles(...CAMPAIGN_ROLES)
export class CampaignResultsController {
  constructor(private readonly results: CampaignResultsService) {}

  @Get(':id/results')
  @ApiOperation({
    summary:
      'Responses, conversions, lift over the holdout (95 % interval), cost and ROI, and who responded, of a campaign',
  })
  @ApiOkResponse({ type: CampaignResultsView })
  get(@Param('id', UuidPipe) id: string): Promise<CampaignResultsView> {
    return this.results.of(id);
  }
}
