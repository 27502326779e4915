import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { CAMPAIGN_OBJECTIVES, CampaignObjective } from '../../campaign-objectives';
import { CAMPAIGN_ROLES } from '../../campaigns.constants';
import { RetrainingSettingDto, RetrainingSettingView, RetrainingStatusView } from '../dto/retraining.dto';
import { ObjectivePipe } from '../objective.pipe';
import { PropensityRetrainingService } from './propensity-retraining.service';

@ApiTags('campaign-models')
@ApiBearerAuth()
@ApiParam({
  name: 'objective',
  enum: CAMPAIGN_OBJECTIVES,
  description: 'The campaign objective the model is for',
})
@Controller('campaign-models')
@Roles(...CAMPAIGN_ROLES)
export class ModelRetrainingController {
  constructor(private readonly retraining: PropensityRetrainingService) {}

  @Put(':objective/retraining')
  @ApiOperation({
    summary:
      "Set an objective's automatic retraining: how often to look and how many new responders make it retrain; " +
      "a candidate whose held-out AUC is below the model in use's is not adopted",
  })
  @ApiOkResponse({ type: RetrainingSettingView })
  set(
    @CurrentPrincipal() principal: Principal,
    @Param('objective', ObjectivePipe) objective: CampaignObjective,
    @Body() body: RetrainingSettingDto,
  ): Promise<RetrainingSettingView> {
    return this.retraining.set(objective, body, principal.subject);
  }

  @Get(':objective/retraining')
  @ApiOperation({ summary: "An objective's retraining schedule and its latest retrainings with both AUCs" })
  @ApiOkResponse({ type: RetrainingStatusView })
  status(@Param('objective', ObjectivePipe) objective: CampaignObjective): Promise<RetrainingStatusView> {
    return this.retraining.status(objective);
  }
}
