import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { GeoPoint } from '@crm/contracts';
import { ConflictError, InvalidInputError, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { SalesTeamRepository } from '../../hierarchy/sales-team.repository';
import { SalesScope, scopeOf } from '../../hierarchy/sales-scope';
import { Lead } from '../lead';
import { LeadPublishing } from '../lead-publishing';
import { LeadRepository } from '../lead.repository';
import { AssignmentMiss, LeadAssigner } from './lead-assigner';
import { AssignmentRule, AssignmentStrategy } from './lead-assignment';

export interface AssignLead {
  strategy: AssignmentStrategy;
  /** The team (its manager) for round-robin. */
  managerId?: string;
  /** Where the prospect is, when the lead does not know yet (nearest dealer). */
  location?: GeoPoint;
}

const MISSES: Record<AssignmentMiss, (lead: Lead) => Error> = {
  'no-location': () =>
    new InvalidInputError([
      { field: 'location', message: 'the lead has no location; send one to find the nearest dealer' },
    ]),
  'no-dealer': (lead) =>
    new ConflictError(
      `no active dealer sells ${lead.interest.model ?? 'cars'} yet; the lead stays as it was`,
    ),
  'no-reps': () =>
    new ConflictError('the team has nobody reporting to its manager; the lead stays as it was'),
};

/** `POST /leads/{id}/assign`: a manager (or admin) applies a strategy to a lead they can see. */
@Injectable()
export class LeadAssignmentService {
  constructor(
    private readonly leads: LeadRepository,
    private readonly team: SalesTeamRepository,
    private readonly assigner: LeadAssigner,
    private readonly publishing: LeadPublishing,
    private readonly uow: UnitOfWork,
  ) {}

  assign(principal: Principal, id: string, request: AssignLead): Promise<Lead> {
    const scope = scopeOf(principal);
    return this.uow.run(async (tx) => {
      const lead = await this.leads.find(scope, id, tx, true);
      if (!lead) throw new NotFoundError('lead', id);
      if (lead.status === 'converted') throw new ConflictError(`lead ${id} was converted and is closed`);
      const rule = await this.ruleFor(scope, request);
      if (request.location) lead.location = request.location;
      const miss = await this.assigner.apply(tx, lead, rule, principal.subject);
      if (miss) throw MISSES[miss](lead);
      await this.leads.update(tx, lead);
      await this.publishing.assigned(tx, lead);
      return lead;
    });
  }

  private async ruleFor(scope: SalesScope, request: AssignLead): Promise<AssignmentRule> {
    if (request.strategy === 'nearest-dealer') return { strategy: 'nearest-dealer' };
    const managerId = request.managerId;
    if (!managerId)
      throw new InvalidInputError([{ field: 'managerId', message: 'round-robin needs the team’s manager' }]);
    const known = await this.team.find(managerId);
    if (!known || (scope.kind === 'team' && !(await this.team.isWithin(scope.userId, managerId))))
      throw new InvalidInputError([{ field: 'managerId', message: 'is not in your part of the sales team' }]);
    return { strategy: 'round-robin', managerId };
  }
}
