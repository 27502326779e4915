import { Module } from '@nestjs/common';
import { SegmentsModule } from '../segments/segments.module';
import { CampaignModelController } from './campaign-model.controller';
import { CustomerFeaturesRepository } from './features/customer-features.repository';
import { PropensityModelRepository } from './model/propensity-model.repository';
import { PropensityScoringService } from './propensity-scoring.service';
import { RecipientTargeting } from './targeting/recipient-targeting';
import { PropensityTrainingService } from './training/propensity-training.service';

/**
 * Propensity scoring (ADR 0033): a logistic regression per campaign objective trained on past responses, scores
 * 0-100 explained by their top features, and the targeting that cuts a campaign's audience by them when it is frozen.
 */
@Module({
  imports: [SegmentsModule],
  controllers: [CampaignModelController],
  providers: [
    CustomerFeaturesRepository,
    PropensityModelRepository,
    PropensityTrainingService,
    PropensityScoringService,
    RecipientTargeting,
  ],
  exports: [PropensityScoringService, RecipientTargeting],
})
export class ScoringModule {}
