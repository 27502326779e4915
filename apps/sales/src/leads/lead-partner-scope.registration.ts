import { Injectable, OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { PartnerScopeRegistry } from '@crm/auth';
import { SalesPartnerScopes } from '../partner-scopes';
import { LeadRepository } from './lead.repository';

/** Tells the shared auth guard which leads a dealer may reach (the repository checks again). */
@Injectable()
export class LeadPartnerScopeRegistration implements OnModuleInit {
  constructor(
    private readonly registry: PartnerScopeRegistry,
    private readonly leads: LeadRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      SalesPartnerScopes.lead,
      async (dealerId, id) => !isUUID(id) || this.leads.isAssignedToPartner(dealerId, id),
    );
  }
}
