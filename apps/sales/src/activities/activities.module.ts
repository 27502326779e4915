import { Module } from '@nestjs/common';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { LeadsModule } from '../leads/leads.module';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { SalesMessaging } from '../sales-messaging';
import { ActivityLinkResolver } from './activity-links';
import { ActivityLogService } from './activity-log.service';
import { ActivityPartnerScopeRegistration } from './activity-partner-scope.registration';
import { ActivityStamps } from './activity-stamps';
import { ActivityController } from './activity.controller';
import { ActivityRepository } from './activity.repository';

/** Activities with what was discussed and the next step; announced for the customer's timeline. */
@Module({
  imports: [SalesMessaging, HierarchyModule, LeadsModule, OpportunitiesModule],
  controllers: [ActivityController],
  providers: [
    ActivityRepository,
    ActivityLinkResolver,
    ActivityStamps,
    ActivityLogService,
    ActivityPartnerScopeRegistration,
  ],
  exports: [ActivityLogService, ActivityRepository],
})
export class ActivitiesModule {}
