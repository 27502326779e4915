import { Injectable, OnModuleInit } from '@nestjs/common';
import { PartnerScopeRegistry } from '@crm/auth';
import { PartnerScopes } from '../partner-scopes/partner-scopes';

/** Tells the shared auth guard that a station may touch its own record only. */
@Injectable()
export class StationPartnerScopeRegistration implements OnModuleInit {
  constructor(private readonly registry: PartnerScopeRegistry) {}

  onModuleInit(): void {
    this.registry.register(PartnerScopes.station, async (partnerId, id) => partnerId === id);
  }
}
