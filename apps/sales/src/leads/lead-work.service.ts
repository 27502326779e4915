import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock, ConflictError, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { OwnerPolicy } from '../hierarchy/owner-policy';
import { scopeOf } from '../hierarchy/sales-scope';
import { Lead, WORKABLE_LEAD_STATUSES } from './lead';
import { LeadFilter, LeadRepository } from './lead.repository';

export interface LeadChanges {
  status?: (typeof WORKABLE_LEAD_STATUSES)[number];
  score?: number;
  ownerId?: string;
  notes?: string;
}

/** Reads and works leads within the caller's scope; a converted lead is closed to changes. */
@Injectable()
export class LeadWorkService {
  constructor(
    private readonly leads: LeadRepository,
    private readonly owners: OwnerPolicy,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  list(principal: Principal, filter: LeadFilter): Promise<Lead[]> {
    return this.leads.list(scopeOf(principal), filter);
  }

  async get(principal: Principal, id: string): Promise<Lead> {
    const lead = await this.leads.find(scopeOf(principal), id);
    if (!lead) throw new NotFoundError('lead', id);
    return lead;
  }

  change(principal: Principal, id: string, changes: LeadChanges): Promise<Lead> {
    const scope = scopeOf(principal);
    return this.uow.run(async (tx) => {
      const lead = await this.leads.find(scope, id, tx, true);
      if (!lead) throw new NotFoundError('lead', id);
      if (lead.status === 'converted') throw new ConflictError(`lead ${id} was converted and is closed`);
      if (changes.ownerId !== undefined)
        lead.ownerId = await this.owners.ownerFor(tx, scope, changes.ownerId);
      if (changes.status !== undefined) lead.status = changes.status;
      if (changes.score !== undefined) lead.score = changes.score;
      if (changes.notes !== undefined) lead.notes = changes.notes;
      lead.updatedAt = this.clock.now().toISOString();
      await this.leads.update(tx, lead);
      return lead;
    });
  }
}
