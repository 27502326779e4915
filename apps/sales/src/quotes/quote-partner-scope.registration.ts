import { Injectable, OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { PartnerScopeRegistry } from '@crm/auth';
import { SalesPartnerScopes } from '../partner-scopes';
import { QuoteRepository } from './quote.repository';

/** A dealer reaches the quotes of its own opportunities (the repository checks again). */
@Injectable()
export class QuotePartnerScopeRegistration implements OnModuleInit {
  constructor(
    private readonly registry: PartnerScopeRegistry,
    private readonly quotes: QuoteRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(
      SalesPartnerScopes.quote,
      async (dealerId, id) => !isUUID(id) || this.quotes.isAssignedToPartner(dealerId, id),
    );
  }
}
