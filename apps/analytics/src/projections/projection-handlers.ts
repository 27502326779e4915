import {
  PartnerKinds,
  PartnerRegistered,
  PartnerUpdated,
  TICKET_EVENTS,
  VehicleOwnershipChanged,
  VehicleRegistered,
} from '@crm/contracts';
import { BatchEventHandler, EventSubscriber } from '@crm/messaging';
import { registerSalesPerformanceHandlers } from '../sales-performance/sales-performance-handlers';
import { SALES_PERFORMANCE_CONSUMERS } from '../sales-performance/sales-performance-tables';
import {
  CUSTOMER_VALUE_CONSUMERS,
  registerCustomerValueHandlers,
} from '../customer-value/customer-value-handlers';
import { AGENT_KPI_CONSUMERS } from '../agent-kpis/agent-kpi-tables';
import { registerAgentKpiHandlers } from '../agent-kpis/agent-kpi-handlers';
import { MARKET_CONSUMERS } from '../market/market-tables';
import { registerMarketHandlers } from '../market/market-handlers';
import { registerSevenPsHandlers } from '../seven-ps/seven-ps-handlers';
import { SEVEN_PS_CONSUMERS } from '../seven-ps/seven-ps-tables';
import { ProjectionStore } from './projection-store';
import { ticketFactChange } from './ticket-fact-change';

/** The projections; they read each topic together (ADR 0062), through `projectionGroups(suffix)`. */
export const PROJECTION_CONSUMERS = {
  ticketFacts: 'ticket-facts',
  stations: 'stations',
  vehicleModels: 'vehicle-models',
  ...SALES_PERFORMANCE_CONSUMERS,
  ...CUSTOMER_VALUE_CONSUMERS,
  ...MARKET_CONSUMERS,
  ...AGENT_KPI_CONSUMERS,
  ...SEVEN_PS_CONSUMERS,
} as const;

/**
 * Names the consumer groups (and processed-id namespaces) the projections read through: `<this>.<topic>`. A rebuild
 * reads through its own, suffixed.
 */
export function projectionGroups(suffix?: string): string {
  return suffix ? `projections-${suffix}` : 'projections';
}

function consumerName(projection: keyof typeof PROJECTION_CONSUMERS, suffix?: string): string {
  return suffix ? `${PROJECTION_CONSUMERS[projection]}-${suffix}` : PROJECTION_CONSUMERS[projection];
}

/** Hands every event the service projections use to the store; the live consumer and a rebuild share it. */
export function registerProjectionHandlers(
  subscriber: EventSubscriber,
  store: ProjectionStore,
  consumerSuffix?: string,
): void {
  registerCustomerValueHandlers(subscriber, store.customerValue, (name) =>
    consumerName(name, consumerSuffix),
  );
  registerSevenPsHandlers(subscriber, store, (name) => consumerName(name, consumerSuffix));
  const ticketFacts = consumerName('ticketFacts', consumerSuffix);
  // One function for every ticket event, so a batch's ticket events go to the store in one call.
  const applyTicketEvents: BatchEventHandler = (events, tx) =>
    store.applyTicketChanges(
      tx,
      events.map((event) => ticketFactChange(event as never)),
    );
  for (const definition of TICKET_EVENTS) subscriber.onBatch(ticketFacts, definition, applyTicketEvents);
  for (const definition of [PartnerRegistered, PartnerUpdated]) {
    subscriber.on(
      consumerName('stations', consumerSuffix),
      definition,
      async ({ payload, occurredAt }, tx) => {
        if (payload.kind !== PartnerKinds.repairStation) return;
        const station = {
          stationId: payload.partnerId,
          name: payload.name,
          region: payload.address.province,
        };
        await store.upsertStation(tx, { ...station, at: occurredAt });
      },
    );
  }
  for (const definition of [VehicleRegistered, VehicleOwnershipChanged]) {
    subscriber.on(consumerName('vehicleModels', consumerSuffix), definition, ({ payload, occurredAt }, tx) =>
      store.upsertVehicleModel(tx, {
        vehicleId: payload.vehicleId,
        model: payload.model,
        ownerCustomerId: payload.ownerCustomerId,
        at: occurredAt,
      }),
    );
  }
  registerSalesPerformanceHandlers(subscriber, store.salesPerformance, consumerSuffix);
  const named = (name: keyof typeof PROJECTION_CONSUMERS) => consumerName(name, consumerSuffix);
  registerMarketHandlers(subscriber, store.market, named);
  registerAgentKpiHandlers(subscriber, store.agentActivity, named);
  // Every projection merges by rule, so they take each topic's events together, in batches of one transaction
  // (ADRs 0045, 0062).
  const names = Object.keys(PROJECTION_CONSUMERS) as (keyof typeof PROJECTION_CONSUMERS)[];
  subscriber.readTogether(projectionGroups(consumerSuffix), names.map(named));
}
