import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { classifySearchQuery } from '@crm/search-keys';
import { RECENT_INTERACTIONS } from '../src/call-center.constants';
import { Customer360Repository } from '../src/customer-360/customer-360.repository';
import { InteractionRepository } from '../src/interactions/interaction.repository';
import { LookupRepository } from '../src/lookup/lookup.repository';
import { OpportunityReplicaRepository } from '../src/read-model/opportunity-replica.repository';
import { SalesActivityRepository } from '../src/read-model/sales-activity.repository';
import { ValueTierRepository } from '../src/read-model/value-tier.repository';

const FIRST_PAGE = { limit: 20, offset: 0 };

export interface CallCenterReads {
  lookup(query: string): Promise<unknown>;
  view360(customerId: string): Promise<unknown>;
}

/**
 * The call center's agent reads with its own repositories on a bare pg pool: the same SQL as the
 * lookup and the 360, without HTTP, auth, Nest or the Redis cache (a baseline for the agents bench).
 */
export function callCenterReads(pool: Pool): CallCenterReads {
  const dataSource = {
    query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
  } as unknown as DataSource;
  const lookup = new LookupRepository(dataSource);
  const view = new Customer360Repository(dataSource);
  const interactions = new InteractionRepository(dataSource);
  const sales = new SalesActivityRepository(dataSource);
  const opportunities = new OpportunityReplicaRepository(dataSource);
  const valueTiers = new ValueTierRepository(dataSource);
  return {
    lookup: (query) => lookup.find(classifySearchQuery(query), FIRST_PAGE),
    // As Customer360Service.build reads: the profile, then the rest at once.
    view360: async (customerId) => {
      await view.profile(customerId);
      return Promise.all([
        view.vehicles(customerId),
        view.repairs(customerId),
        view.tickets(customerId),
        interactions.recentFor(customerId, RECENT_INTERACTIONS),
        sales.recentFor(customerId, RECENT_INTERACTIONS),
        view.nextBestOffer(customerId),
        view.activeOffers(customerId, new Date()),
        view.browsingProfile(customerId),
        valueTiers.of(customerId),
        opportunities.openFor(customerId),
      ]);
    },
  };
}
