import { FixedClock } from '@crm/core';
import { MemoryCacheStore } from '@crm/observability';
import { CacheKeys, CUSTOMER_360_GENERATION_TTL_SECONDS } from '../call-center.constants';
import { InteractionRepository } from '../interactions/interaction.repository';
import { OpportunityReplicaRepository } from '../read-model/opportunity-replica.repository';
import { SalesActivityRepository } from '../read-model/sales-activity.repository';
import { ValueTierRepository } from '../read-model/value-tier.repository';
import { Customer360Repository } from './customer-360.repository';
import { Customer360Service } from './customer-360.service';

const CUSTOMER = '5a0c1a4e-8d8f-4b8e-9a57-3f3f2b1c0d01';

/** A read model whose customer name the test changes, and whose reads the test can hold. */
function fakeReadModel() {
  const state = { name: '张三', hold: Promise.resolve() };
  const repository = {
    profile: async () => {
      const name = state.name;
      await state.hold;
      return { profile: { customerId: CUSTOMER, name }, consents: [] };
    },
    vehicles: async () => [],
    repairs: async () => [],
    tickets: async () => [],
    nextBestOffer: async () => null,
    activeOffers: async () => [],
    browsingProfile: async () => null,
  } as unknown as Customer360Repository;
  const interactions = { recentFor: async () => [] } as unknown as InteractionRepository;
  const salesActivities = { recentFor: async () => [] } as unknown as SalesActivityRepository;
  const opportunities = { openFor: async () => [] } as unknown as OpportunityReplicaRepository;
  const valueTiers = { of: async () => null } as unknown as ValueTierRepository;
  return { state, repository, interactions, salesActivities, opportunities, valueTiers };
}

describe(Customer360Service.name, () => {
  it('never serves a view built before an invalidation, even when it was cached after it', async () => {
    const cache = new MemoryCacheStore();
    const { state, repository, interactions, salesActivities, opportunities, valueTiers } = fakeReadModel();
    const service = new Customer360Service(
      repository,
      interactions,
      salesActivities,
      opportunities,
      valueTiers,
      cache,
      new FixedClock(new Date()),
    );
    let release!: () => void;
    state.hold = new Promise((resolve) => (release = resolve));

    const slowRead = service.get(CUSTOMER);
    await new Promise((resolve) => setImmediate(resolve));
    state.name = '张三丰';
    await cache.set(
      CacheKeys.customer360Generation(CUSTOMER),
      'after-event',
      CUSTOMER_360_GENERATION_TTL_SECONDS,
    );
    await cache.delete(CacheKeys.customer360(CUSTOMER));
    release();
    expect((await slowRead).profile.name).toBe('张三');

    state.hold = Promise.resolve();
    expect((await service.get(CUSTOMER)).profile.name).toBe('张三丰');
  });

  it('serves the cached view while nothing changed', async () => {
    const cache = new MemoryCacheStore();
    const { state, repository, interactions, salesActivities, opportunities, valueTiers } = fakeReadModel();
    const service = new Customer360Service(
      repository,
      interactions,
      salesActivities,
      opportunities,
      valueTiers,
      cache,
      new FixedClock(new Date()),
    );
    await service.get(CUSTOMER);
    state.name = 'changed without an event';
    expect((await service.get(CUSTOMER)).profile.name).toBe('张三');
  });
});
