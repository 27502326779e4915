import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError } from '@crm/core';
import { CacheStore } from '@crm/observability';
import { CacheKeys, CUSTOMER_360_TTL_SECONDS, RECENT_INTERACTIONS } from '../call-center.constants';
import { InteractionRepository } from '../interactions/interaction.repository';
import { OpportunityReplicaRepository } from '../read-model/opportunity-replica.repository';
import { SalesActivityRepository } from '../read-model/sales-activity.repository';
import { ValueTierRepository } from '../read-model/value-tier.repository';
import { Customer360, VehicleView } from './customer-360';
import { Customer360Repository, VehicleRow } from './customer-360.repository';
import { warrantyState } from './warranty';

const NO_GENERATION = 'initial';

interface CachedView {
  generation: string;
  view: Customer360;
}

/** The agent's one-call view of a customer, cached until an event about them arrives. */
@Injectable()
export class Customer360Service {
  constructor(
    private readonly repository: Customer360Repository,
    private readonly interactions: InteractionRepository,
    private readonly salesActivities: SalesActivityRepository,
    private readonly opportunities: OpportunityReplicaRepository,
    private readonly valueTiers: ValueTierRepository,
    private readonly cache: CacheStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Served from the cache while no event touched the customer since the view was built: the view
   * carries the generation it was built at, so one built from rows an event has since changed is
   * never served, even when it reached the cache after the invalidation.
   */
  async get(customerId: string): Promise<Customer360> {
    const key = CacheKeys.customer360(customerId);
    const [cached, generation = NO_GENERATION] = await Promise.all([
      this.cache.get<CachedView>(key),
      this.cache.get<string>(CacheKeys.customer360Generation(customerId)),
    ]);
    if (cached?.generation === generation) return cached.view;
    const view = await this.build(customerId);
    await this.cache.set(key, { generation, view } satisfies CachedView, CUSTOMER_360_TTL_SECONDS);
    return view;
  }

  private async build(customerId: string): Promise<Customer360> {
    const found = await this.repository.profile(customerId);
    if (!found) throw new NotFoundError('customer', customerId);
    const [
      vehicles,
      repairs,
      tickets,
      interactions,
      salesActivities,
      nextBestOffer,
      offers,
      browsingProfile,
      valueTier,
      openOpportunities,
    ] = await Promise.all([
      this.repository.vehicles(customerId),
      this.repository.repairs(customerId),
      this.repository.tickets(customerId),
      this.interactions.recentFor(customerId, RECENT_INTERACTIONS),
      this.salesActivities.recentFor(customerId, RECENT_INTERACTIONS),
      this.repository.nextBestOffer(customerId),
      this.repository.activeOffers(customerId, this.clock.now()),
      this.repository.browsingProfile(customerId),
      this.valueTiers.of(customerId),
      this.opportunities.openFor(customerId),
    ]);
    return {
      ...found,
      vehicles: vehicles.map((v) => this.vehicleView(v)),
      repairs,
      tickets,
      interactions,
      salesActivities,
      nextBestOffer,
      offers,
      browsingProfile,
      valueTier,
      openOpportunities,
    };
  }

  private vehicleView({ sellingDealerId, sellingDealerName, ...vehicle }: VehicleRow): VehicleView {
    return {
      ...vehicle,
      sellingDealer: sellingDealerId ? { id: sellingDealerId, name: sellingDealerName } : null,
      warranty: warrantyState(vehicle.warrantyEnd, this.clock.now()),
    };
  }
}
