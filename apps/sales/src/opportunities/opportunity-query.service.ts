import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { NotFoundError } from '@crm/core';
import { scopeOf } from '../hierarchy/sales-scope';
import { Opportunity, StageChange } from './opportunity';
import { OpportunityFilter, OpportunityRepository } from './opportunity.repository';

/** Reads opportunities within the caller's scope; another branch's opportunity is not found. */
@Injectable()
export class OpportunityQueryService {
  constructor(private readonly opportunities: OpportunityRepository) {}

  list(principal: Principal, filter: OpportunityFilter): Promise<Opportunity[]> {
    return this.opportunities.list(scopeOf(principal), filter);
  }

  async get(principal: Principal, id: string): Promise<Opportunity & { history: StageChange[] }> {
    const opportunity = await this.opportunities.find(scopeOf(principal), id);
    if (!opportunity) throw new NotFoundError('opportunity', id);
    return { ...opportunity, history: await this.opportunities.history(id) };
  }
}
