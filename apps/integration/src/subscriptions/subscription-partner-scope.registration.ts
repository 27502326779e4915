import { Injectable, OnModuleInit } from '@nestjs/common';
import { PartnerScopeRegistry } from '@crm/auth';
import { SubscriptionRepository } from './subscription.repository';

export const SUBSCRIPTION_SCOPE = 'subscription';

/** Tells the shared auth guard that a partner may touch its own subscriptions only. */
@Injectable()
export class SubscriptionPartnerScopeRegistration implements OnModuleInit {
  constructor(
    private readonly registry: PartnerScopeRegistry,
    private readonly subscriptions: SubscriptionRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(SUBSCRIPTION_SCOPE, (partnerId, id) =>
      this.subscriptions.isPartners(id, partnerId),
    );
  }
}
