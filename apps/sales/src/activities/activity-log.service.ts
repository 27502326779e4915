import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { ActivityType } from '@crm/contracts';
import { NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { scopeOf } from '../hierarchy/sales-scope';
import { SalesTeamRepository } from '../hierarchy/sales-team.repository';
import { Activity } from './activity';
import { ActivityLinkResolver } from './activity-links';
import { ActivityStamps } from './activity-stamps';
import { ActivityFilter, ActivityRepository } from './activity.repository';

export interface LogActivity {
  type: ActivityType;
  subject: string;
  discussed: string;
  nextStep?: string;
  nextStepDue?: string;
  occurredAt?: string;
  customerId?: string;
  leadId?: string;
  opportunityId?: string;
}

/** Logs the caller's activities (announced as activity.logged for the customer's timeline) and reads them. */
@Injectable()
export class ActivityLogService {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly links: ActivityLinkResolver,
    private readonly team: SalesTeamRepository,
    private readonly uow: UnitOfWork,
    private readonly stamps: ActivityStamps,
  ) {}

  log(principal: Principal, request: LogActivity): Promise<Activity> {
    const scope = scopeOf(principal);
    return this.uow.run(async (tx) => {
      const links = await this.links.resolve(tx, scope, request);
      const activity = this.stamps.stamp({
        type: request.type,
        subject: request.subject,
        discussed: request.discussed,
        nextStep: request.nextStep ?? null,
        nextStepDue: request.nextStepDue ?? null,
        occurredAt: request.occurredAt,
        ownerId: principal.subject,
        ...links,
      });
      await this.activities.insert(tx, activity);
      const owner = await this.team.find(principal.subject, tx);
      await this.stamps.publish(tx, activity, owner?.name ?? principal.name ?? null);
      return activity;
    });
  }

  list(principal: Principal, filter: ActivityFilter): Promise<Activity[]> {
    return this.activities.list(scopeOf(principal), filter);
  }

  async get(principal: Principal, id: string): Promise<Activity> {
    const activity = await this.activities.find(scopeOf(principal), id);
    if (!activity) throw new NotFoundError('activity', id);
    return activity;
  }
}
