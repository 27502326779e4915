import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { SalesMessaging } from '../sales-messaging';
import { OpportunityCreateService } from './opportunity-create.service';
import { OpportunityEditService } from './opportunity-edit.service';
import { OpportunityJournal } from './opportunity-journal';
import { OpportunityLineController } from './opportunity-line.controller';
import { OpportunityLineRepository } from './opportunity-line.repository';
import { OpportunityLineService } from './opportunity-line.service';
import { OpportunityOpeningService } from './opportunity-opening.service';
import { OpportunityPartnerScopeRegistration } from './opportunity-partner-scope.registration';
import { OpportunityQueryService } from './opportunity-query.service';
import { OpportunityStageService } from './opportunity-stage.service';
import { OpportunityTransaction } from './opportunity-transaction';
import { OpportunityController } from './opportunity.controller';
import { OpportunityRepository } from './opportunity.repository';
import { PipelineController } from './pipeline.controller';
import { PipelineRepository } from './pipeline.repository';
import { PipelineService } from './pipeline.service';

/** Pipelines with configurable stages, opportunities in them, their stage history and won/lost. */
@Module({
  imports: [SalesMessaging, HierarchyModule, CatalogModule],
  controllers: [PipelineController, OpportunityController, OpportunityLineController],
  providers: [
    PipelineRepository,
    PipelineService,
    OpportunityRepository,
    OpportunityJournal,
    OpportunityTransaction,
    OpportunityOpeningService,
    OpportunityCreateService,
    OpportunityEditService,
    OpportunityStageService,
    OpportunityQueryService,
    OpportunityPartnerScopeRegistration,
    OpportunityLineRepository,
    OpportunityLineService,
  ],
  exports: [
    OpportunityRepository,
    OpportunityOpeningService,
    OpportunityCreateService,
    OpportunityStageService,
    OpportunityLineRepository,
    OpportunityLineService,
  ],
})
export class OpportunitiesModule {}
