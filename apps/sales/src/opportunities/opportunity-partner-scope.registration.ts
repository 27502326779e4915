import { Injectable, OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { PartnerScopeRegistry } from '@crm/auth';
import { SalesPartnerScopes } from '../partner-scopes';
import { OpportunityRepository } from './opportunity.repository';

/** Tells the shared auth guard which opportunities a dealer may reach (the repository checks again). */
@Injectable()
export class OpportunityPartnerScopeRegistration implements OnModuleInit {
  constructor(
    private readonly registry: PartnerScopeRegistry,
    private readonly opportunities: OpportunityRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      SalesPartnerScopes.opportunity,
      async (dealerId, id) => !isUUID(id) || this.opportunities.isAssignedToPartner(dealerId, id),
    );
  }
}
