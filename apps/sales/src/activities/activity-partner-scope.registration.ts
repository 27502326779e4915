import { Injectable, OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { PartnerScopeRegistry } from '@crm/auth';
import { SalesPartnerScopes } from '../partner-scopes';
import { ActivityRepository } from './activity.repository';

/** Tells the shared auth guard which activities a dealer may reach (the repository checks again). */
@Injectable()
export class ActivityPartnerScopeRegistration implements OnModuleInit {
  constructor(
    private readonly registry: PartnerScopeRegistry,
    private readonly activities: ActivityRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      SalesPartnerScopes.activity,
      async (dealerId, id) => !isUUID(id) || this.activities.isAssignedToPartner(dealerId, id),
    );
  }
}
