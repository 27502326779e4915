import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { UnitOfWork } from '@crm/messaging';
import { OwnerPolicy } from '../hierarchy/owner-policy';
import { scopeOf } from '../hierarchy/sales-scope';
import { OpenOpportunityCommand } from './open-opportunity.command';
import { Opportunity } from './opportunity';
import { OpportunityOpeningService } from './opportunity-opening.service';

export type NewOpportunity = Omit<OpenOpportunityCommand, 'ownerId' | 'partnerId' | 'openedBy' | 'leadId'> & {
  ownerId?: string;
};

/** An opportunity opened directly (not from a lead): owned by the caller or someone below them. */
@Injectable()
export class OpportunityCreateService {
  constructor(
    private readonly opening: OpportunityOpeningService,
    private readonly owners: OwnerPolicy,
    private readonly uow: UnitOfWork,
  ) {}

  create(principal: Principal, request: NewOpportunity): Promise<Opportunity> {
    const scope = scopeOf(principal);
    return this.uow.run(async (tx) =>
      this.opening.open(tx, {
        ...request,
        ownerId: await this.owners.ownerFor(tx, scope, request.ownerId),
        partnerId: scope.kind === 'partner' ? scope.partnerId : null,
        openedBy: principal.subject,
      }),
    );
  }
}
