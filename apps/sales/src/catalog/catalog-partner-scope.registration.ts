import { Injectable, OnModuleInit } from '@nestjs/common';
import { PartnerScopeRegistry } from '@crm/auth';
import { SalesPartnerScopes } from '../partner-scopes';

/** The catalog is the same for every dealer: any dealer may read any model or trim. */
@Injectable()
export class CatalogPartnerScopeRegistration implements OnModuleInit {
  constructor(private readonly registry: PartnerScopeRegistry) {}

  onModuleInit(): void {
    this.registry.register(SalesPartnerScopes.catalog, async () => true);
  }
}
