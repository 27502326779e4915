import {
  ForecastAdjusted,
  OPPORTUNITY_EVENTS,
  PartnerKinds,
  PartnerRegistered,
  PartnerUpdated,
  QuotaSet,
  SalesUserPlaced,
} from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { forecastChange, opportunityFactChange, quotaChange } from './opportunity-fact-change';
import { SalesPerformanceStore } from './sales-performance-store';
import { SALES_PERFORMANCE_CONSUMERS } from './sales-performance-tables';

const consumer = (name: string, suffix?: string) => (suffix ? `${name}-${suffix}` : name);

/** Hands the opportunity, quota, forecast, sales tree and dealer events to the store; the live consumer and a rebuild share it. */
export function registerSalesPerformanceHandlers(
  subscriber: EventSubscriber,
  store: SalesPerformanceStore,
  consumerSuffix?: string,
): void {
  const opportunities = consumer(SALES_PERFORMANCE_CONSUMERS.opportunityFacts, consumerSuffix);
  for (const definition of OPPORTUNITY_EVENTS)
    subscriber.on(opportunities, definition, (event, tx) =>
      store.applyOpportunityChange(tx, opportunityFactChange(event)),
    );
  subscriber.on(consumer(SALES_PERFORMANCE_CONSUMERS.salesQuotas, consumerSuffix), QuotaSet, (event, tx) =>
    store.applyQuota(tx, quotaChange(event)),
  );
  subscriber.on(
    consumer(SALES_PERFORMANCE_CONSUMERS.salesForecasts, consumerSuffix),
    ForecastAdjusted,
    (event, tx) => store.applyForecast(tx, forecastChange(event)),
  );
  subscriber.on(
    consumer(SALES_PERFORMANCE_CONSUMERS.salesTeam, consumerSuffix),
    SalesUserPlaced,
    ({ id, payload }, tx) => store.placeTeamMember(tx, { ...payload, eventId: id }),
  );
  for (const definition of [PartnerRegistered, PartnerUpdated])
    subscriber.on(
      consumer(SALES_PERFORMANCE_CONSUMERS.dealers, consumerSuffix),
      definition,
      async ({ payload, occurredAt }, tx) => {
        if (payload.kind !== PartnerKinds.dealer) return;
        const { partnerId: dealerId, name, address } = payload;
        await store.upsertDealer(tx, { dealerId, name, region: address.province, at: occurredAt });
      },
    );
}
