import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Money } from '@crm/contracts';
import { OwnerPolicy } from '../hierarchy/owner-policy';
import { Opportunity } from './opportunity';
import { assertAmountIsManual } from './opportunity-line.repository';
import { OpportunityJournal } from './opportunity-journal';
import { OpportunityLineRepository } from './opportunity-line.repository';
import { OpportunityTransaction } from './opportunity-transaction';

export interface OpportunityChanges {
  name?: string;
  amount?: Money | null;
  expectedCloseDate?: string | null;
  ownerId?: string;
  region?: string | null;
}

/** Changes that move no stage: name, amount, expected close date, owner (within the caller's branch). */
@Injectable()
export class OpportunityEditService {
  constructor(
    private readonly transaction: OpportunityTransaction,
    private readonly journal: OpportunityJournal,
    private readonly owners: OwnerPolicy,
    private readonly lines: OpportunityLineRepository,
  ) {}

  change(principal: Principal, id: string, changes: OpportunityChanges): Promise<Opportunity> {
    return this.transaction.run(principal, id, async ({ tx, opportunity: o, scope }) => {
      if (changes.ownerId !== undefined) o.ownerId = await this.owners.ownerFor(tx, scope, changes.ownerId);
      if (changes.name !== undefined) o.name = changes.name;
      if (changes.amount !== undefined) {
        await assertAmountIsManual(this.lines, tx, o.id);
        o.amount = changes.amount;
      }
      if (changes.expectedCloseDate !== undefined) o.expectedCloseDate = changes.expectedCloseDate;
      if (changes.region !== undefined) o.region = changes.region;
      await this.journal.changed(tx, o);
    });
  }
}
