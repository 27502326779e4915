import { EntityManager } from 'typeorm';
import { SalesPerformanceStore } from '../sales-performance/sales-performance-store';
import { CustomerValueStore } from '../customer-value/customer-value-store';
import { MarketStore } from '../market/market-store';
import { AgentActivityStore } from '../agent-kpis/agent-activity-store';
import { SevenPsStore } from '../seven-ps/seven-ps-store';
import { CampaignRecipientStore } from '../seven-ps/campaign-recipient-store';
import { TicketFactChange } from './ticket-fact-change';

export interface StationChange {
  stationId: string;
  name: string;
  region: string | null;
  at: string;
}

export interface VehicleModelChange {
  vehicleId: string;
  model: string;
  ownerCustomerId: string;
  at: string;
}

/**
 * Where projections are written. Every write merges by rule (earliest, latest, a set of ids), so applying
 * one event twice or in any order leaves the same rows: the property a rebuild relies on (ADR 0026).
 * PostgreSQL now; a column store fed from the same topics would implement this instead.
 */
export abstract class ProjectionStore {
  abstract readonly customerValue: CustomerValueStore;
  abstract readonly sevenPs: SevenPsStore;
  abstract readonly campaignRecipients: CampaignRecipientStore;
  abstract applyTicketChanges(tx: EntityManager, changes: TicketFactChange[]): Promise<void>;
  abstract upsertStation(tx: EntityManager, station: StationChange): Promise<void>;
  abstract upsertVehicleModel(tx: EntityManager, vehicle: VehicleModelChange): Promise<void>;
  abstract readonly salesPerformance: SalesPerformanceStore;
  abstract readonly market: MarketStore;
  abstract readonly agentActivity: AgentActivityStore;
}
