import { ApiProperty } from '@nestjs/swagger';
import { CAMPAIGN_OBJECTIVES, CampaignObjective } from '../../campaign-objectives';
import { Direction } from '../model/propensity-model';

export class FeatureContributionView {
  @ApiProperty({ example: 'monthsSinceService' }) feature: string;
  @ApiProperty({ example: 'Months since the last service visit' }) name: string;
  @ApiProperty({
    example: -1.42,
    description: 'In log-odds: the weight (model) or weight x standardised value (customer)',
  })
  contribution: number;
  @ApiProperty({ enum: ['raises', 'lowers'] }) direction: Direction;
}

export class PropensityModelView {
  @ApiProperty({ enum: CAMPAIGN_OBJECTIVES }) objective: CampaignObjective;
  @ApiProperty({ example: 3, description: 'Each training stores a new version; the latest is used' })
  version: number;
  @ApiProperty({
    example: 0.78,
    description: 'Area under the ROC curve on the held-out customers (0.5: chance)',
  })
  auc: number;
  @ApiProperty({ example: 3200 }) trainCount: number;
  @ApiProperty({ example: 800, description: 'One customer in five, by a hash of the id' })
  heldOutCount: number;
  @ApiProperty({ example: 610, description: 'Rows labelled responded (clicked, replied or converted)' })
  positives: number;
  @ApiProperty({ example: 3390 }) negatives: number;
  @ApiProperty({ example: 'u-marketer-1' }) trainedBy: string;
  @ApiProperty({ format: 'date-time' }) trainedAt: string;
  @ApiProperty({ type: [FeatureContributionView], description: 'The features by |weight|, largest first' })
  topFeatures: FeatureContributionView[];
}

export class PropensityScoreView {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ minimum: 0, maximum: 100, example: 72, description: 'Probability of responding x 100' })
  score: number;
  @ApiProperty({ type: [FeatureContributionView], description: 'The 3 features that moved this score most' })
  reasons: FeatureContributionView[];
}

export class RankedScoresView {
  @ApiProperty({ type: [PropensityScoreView], description: 'Best score first' }) items: PropensityScoreView[];
  @ApiProperty({ example: 1200 }) total: number;
  @ApiProperty({ example: 20 }) limit: number;
  @ApiProperty({ example: 0 }) offset: number;
}
