import { CUSTOMER_VALUES } from '../../customer-value/customer-value-tables';
import { LIVE_TABLES } from '../../projections/projection-tables';
import { CUSTOMER_DIMENSIONS, CUSTOMER_FILTERS, customerFilter, customerKey } from '../customer-dimensions';
import { SevenPReport, SevenPsGrouping } from '../seven-p-report';

/** What customers are worth, by segment: the customer-value figures (ADR 0027) summed, not recomputed. */
export const PROFITABILITY: SevenPReport = {
  p: 'profitability',
  basis:
    'the last value recompute: value is revenue (orders and paid repairs) in its window [from, to); lifetime ' +
    'revenue, potential value and CLV as on the value card; shares of the value of the customers shown',
  missing: ['margin: no cost is known in any event, so every figure is revenue'],
  groupings: ['tier', 'segment', 'region', 'ageBand'],
  filters: () => CUSTOMER_FILTERS,
  windowed: false,
  keys: () => 1,
  sql: (by: SevenPsGrouping) => `
    SELECT ${customerKey('c', by)}, count(*)::int AS customers, sum(v.value)::float8 AS value,
      (sum(v.value) / NULLIF(sum(sum(v.value)) OVER (), 0))::float8 AS "valueShare",
      avg(v.value)::float8 AS "averageValue", sum(v.lifetime_revenue)::float8 AS "lifetimeRevenue",
      sum(v.potential_value)::float8 AS "potentialValue", sum(v.clv)::float8 AS clv,
      avg(v.clv)::float8 AS "averageClv"
    FROM ${CUSTOMER_VALUES} v JOIN ${CUSTOMER_DIMENSIONS} c USING (customer_id)
    WHERE ${customerFilter('c')}
    GROUP BY 1`,
  newestEvent: [`${LIVE_TABLES.orderFact}.event_at`, `${LIVE_TABLES.repairFact}.event_at`],
};
