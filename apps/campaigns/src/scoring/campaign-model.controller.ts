import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { PageQuery, UuidPipe } from '@crm/http';
import { CAMPAIGN_OBJECTIVES, CampaignObjective } from '../campaign-objectives';
import { CAMPAIGN_ROLES } from '../campaigns.constants';
import { PropensityModelView, PropensityScoreView, RankedScoresView } from './dto/propensity-model.dto';
import { PropensityModel, topFeatures } from './model/propensity-model';
import { ObjectivePipe } from './objective.pipe';
import { PropensityScoringService } from './propensity-scoring.service';
import { PropensityTrainingService } from './training/propensity-training.service';

const MODEL_TOP_FEATURES = 5;

const toView = (model: PropensityModel): PropensityModelView => ({
  objective: model.objective,
  version: model.version,
  auc: model.auc,
  trainCount: model.trainCount,
  heldOutCount: model.heldOutCount,
  positives: model.positives,
  negatives: model.negatives,
  trainedBy: model.trainedBy,
  trainedAt: model.trainedAt,
  topFeatures: topFeatures(model, MODEL_TOP_FEATURES),
});

@ApiTags('campaign-models')
@ApiBearerAuth()
@ApiParam({
  name: 'objective',
  enum: CAMPAIGN_OBJECTIVES,
  description: 'The campaign objective the model is for',
})
@Controller('campaign-models')
@Roles(...CAMPAIGN_ROLES)
export class CampaignModelController {
  constructor(
    private readonly training: PropensityTrainingService,
    private readonly scoring: PropensityScoringService,
  ) {}

  @Post(':objective/train')
  @ApiOperation({
    summary:
      'Train the propensity model of a campaign objective on its past sends (label: clicked, replied or converted); ' +
      'stored as the next version, its AUC measured on the held-out fifth of the customers',
  })
  @ApiCreatedResponse({ type: PropensityModelView })
  @ApiConflictResponse({ description: 'Fewer than 20 past responders or non-responders' })
  async train(
    @CurrentPrincipal() principal: Principal,
    @Param('objective', ObjectivePipe) objective: CampaignObjective,
  ): Promise<PropensityModelView> {
    return toView(await this.training.train(objective, principal.subject));
  }

  @Get(':objective')
  @ApiOperation({ summary: 'The model in use for an objective: its AUC, sample counts and top features' })
  @ApiOkResponse({ type: PropensityModelView })
  @ApiNotFoundResponse({ description: 'No model trained for the objective yet' })
  async get(@Param('objective', ObjectivePipe) objective: CampaignObjective): Promise<PropensityModelView> {
    return toView(await this.scoring.model(objective));
  }

  @Get(':objective/segments/:id/scores')
  @ApiOperation({ summary: "A segment's members scored 0-100 by the objective's model, best first, paged" })
  @ApiOkResponse({ type: RankedScoresView })
  async segmentScores(
    @Param('objective', ObjectivePipe) objective: CampaignObjective,
    @Param('id', UuidPipe) segmentId: string,
    @Query() query: PageQuery,
  ): Promise<RankedScoresView> {
    const page = await this.scoring.rankSegment(objective, segmentId, query.limit, query.offset);
    return { ...page, limit: query.limit, offset: query.offset };
  }

  @Get(':objective/customers/:id/score')
  @ApiOperation({ summary: "One customer's score 0-100 and the three features that moved it most" })
  @ApiOkResponse({ type: PropensityScoreView })
  score(
    @Param('objective', ObjectivePipe) objective: CampaignObjective,
    @Param('id', UuidPipe) customerId: string,
  ): Promise<PropensityScoreView> {
    return this.scoring.scoreOne(objective, customerId);
  }
}
