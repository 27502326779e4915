import { Injectable, OnModuleInit } from '@nestjs/common';
import { PartnerScopeRegistry } from '@crm/auth';

/** The partner scope of a dealer's sales figures: a dealer reaches its own only. */
export const DEALER_SALES_SCOPE = 'dealer-sales';

@Injectable()
export class DealerSalesScopeRegistration implements OnModuleInit {
  constructor(private readonly registry: PartnerScopeRegistry) {}

  onModuleInit(): void {
    this.registry.register(DEALER_SALES_SCOPE, async (partnerId, dealerId) => partnerId === dealerId);
  }
}
