import { LIVE_TABLES } from '../../projections/projection-tables';
import { CUSTOMER_DIMENSIONS, CUSTOMER_FILTERS, customerFilter, customerKey } from '../customer-dimensions';
import { SevenPReport, SevenPsGrouping } from '../seven-p-report';

const OWNED = `(SELECT DISTINCT owner_customer_id AS customer_id, model FROM ${LIVE_TABLES.vehicleModel}
  WHERE owner_customer_id IS NOT NULL)`;

/** Who the customers are: counts by age band, region, model owned or value tier. */
export const PROFILING: SevenPReport = {
  p: 'profiling',
  basis:
    'customers known at `to` (registered before it, or known from a purchase); new: registered in [from, to); ' +
    'age at `to`, region: the customer’s province, tier: the last value recompute’s; by model a customer ' +
    'owning several models counts once under each (share: of all customers counted)',
  missing: [],
  groupings: ['tier', 'ageBand', 'region', 'model'],
  filters: () => [...CUSTOMER_FILTERS, 'model'],
  windowed: true,
  keys: () => 1,
  sql: (by: SevenPsGrouping) => `
    WITH c AS (
      SELECT * FROM ${CUSTOMER_DIMENSIONS} d
      WHERE (d.registered_at IS NULL OR d.registered_at < :to::timestamptz) AND ${customerFilter('d')}
        AND (:model::text IS NULL OR EXISTS (SELECT 1 FROM ${OWNED} o WHERE o.customer_id = d.customer_id AND o.model = :model))
    ), grouped AS (
      SELECT ${by === 'model' ? 'o.model AS "model"' : customerKey('c', by)}, c.customer_id, c.registered_at FROM c
      ${by === 'model' ? `LEFT JOIN ${OWNED} o USING (customer_id)` : ''}
    )
    SELECT "${by}", count(DISTINCT customer_id)::int AS customers,
      count(DISTINCT customer_id) FILTER (WHERE registered_at >= :from::timestamptz)::int AS "newCustomers",
      count(DISTINCT customer_id)::float8 / NULLIF((SELECT count(*) FROM c), 0) AS share
    FROM grouped GROUP BY 1`,
  newestEvent: [`${LIVE_TABLES.valueCustomer}.updated_at`, `${LIVE_TABLES.vehicleModel}.updated_at`],
};
