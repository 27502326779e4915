import { Injectable, OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { PartnerScopeRegistry } from '@crm/auth';
import { SalesPartnerScopes } from '../partner-scopes';
import { CatalogRepository } from './catalog.repository';

/**
 * The catalog is the same for every dealer: any dealer reaches any model or trim that exists. A
 * missing one is 404 from the shared guard, before the route validates the rest of the request.
 */
@Injectable()
export class CatalogPartnerScopeRegistration implements OnModuleInit {
  constructor(
    private readonly registry: PartnerScopeRegistry,
    private readonly catalog: CatalogRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      SalesPartnerScopes.catalog,
      async (_dealerId, id) => !isUUID(id) || this.catalog.exists(id),
    );
  }
}
