import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { LeadsModule } from '../leads/leads.module';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { SalesMessaging } from '../sales-messaging';
import { GuidanceDomainEvents } from './guidance-domain-events';
import { GuidanceController } from './guidance.controller';
import { GuidanceRepository } from './guidance.repository';
import { GuidanceService } from './guidance.service';
import { GuidedRecords } from './guided-records';

/** Managers' guidance comments on the leads, opportunities and activities below them, and the owners' replies. */
@Module({
  imports: [SalesMessaging, HierarchyModule, LeadsModule, OpportunitiesModule, ActivitiesModule],
  controllers: [GuidanceController],
  providers: [GuidanceRepository, GuidedRecords, GuidanceService, GuidanceDomainEvents],
  exports: [GuidanceService, GuidanceDomainEvents],
})
export class GuidanceModule {}
