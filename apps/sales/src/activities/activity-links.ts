import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '@crm/core';
import { SalesScope } from '../hierarchy/sales-scope';
import { LeadRepository } from '../leads/lead.repository';
import { OpportunityRepository } from '../opportunities/opportunity.repository';

export interface ActivityLinks {
  customerId: string | null;
  leadId: string | null;
  opportunityId: string | null;
  partnerId: string | null;
}

/**
 * What an activity is about, checked against the caller's scope (a lead or opportunity they cannot
 * see is 404); the customer and the dealer follow from the linked record when not given.
 */
@Injectable()
export class ActivityLinkResolver {
  constructor(
    private readonly leads: LeadRepository,
    private readonly opportunities: OpportunityRepository,
  ) {}

  async resolve(
    tx: EntityManager,
    scope: SalesScope,
    request: { customerId?: string; leadId?: string; opportunityId?: string },
  ): Promise<ActivityLinks> {
    const opportunity = request.opportunityId
      ? await this.opportunities.find(scope, request.opportunityId, tx)
      : null;
    if (request.opportunityId && !opportunity) throw new NotFoundError('opportunity', request.opportunityId);
    const lead = request.leadId ? await this.leads.find(scope, request.leadId, tx) : null;
    if (request.leadId && !lead) throw new NotFoundError('lead', request.leadId);
    return {
      customerId: request.customerId ?? opportunity?.customerId ?? lead?.customerId ?? null,
      leadId: lead?.id ?? opportunity?.leadId ?? null,
      opportunityId: opportunity?.id ?? null,
      partnerId:
        scope.kind === 'partner' ? scope.partnerId : (opportunity?.partnerId ?? lead?.partnerId ?? null),
    };
  }
}
