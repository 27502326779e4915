import { Module } from '@nestjs/common';
import { SegmentsModule } from '../segments/segments.module';
import { CampaignModelController } from './campaign-model.controller';
import { CustomerFeaturesRepository } from './features/customer-features.repository';
import { PropensityModelRepository } from './model/propensity-model.repository';
import { ModelRetrainingController } from './retraining/model-retraining.controller';
import { PropensityRetrainingLoop } from './retraining/propensity-retraining.loop';
import { PropensityRetrainingService } from './retraining/propensity-retraining.service';
import { RetrainingRepository } from './retraining/retraining.repository';
import { PropensityScoringService } from './propensity-scoring.service';
import { RecipientTargeting } from './targeting/recipient-targeting';
import { PropensityTrainingService } from './training/propensity-training.service';

/**
 * Propensity scoring (ADR 0033): a logistic regression per campaign objective trained on past responses, scores
 * 0-100 explained by their top features, retrained by a schedule per objective (ADR 0046), and the targeting that cuts a campaign's audience by them when it is frozen.
 */
@Module({
  imports: [SegmentsModule],
  controllers: [CampaignModelController, ModelRetrainingController],
  providers: [
    CustomerFeaturesRepository,
    PropensityModelRepository,
    PropensityTrainingService,
    PropensityScoringService,
    RecipientTargeting,
    RetrainingRepository,
    PropensityRetrainingService,
    PropensityRetrainingLoop,
  ],
  exports: [PropensityScoringService, RecipientTargeting],
})
export class ScoringModule {}
