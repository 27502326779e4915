import { LIVE_TABLES } from '../../projections/projection-tables';
import { CUSTOMER_DIMENSIONS, CUSTOMER_FILTERS, customerFilter, customerKey } from '../customer-dimensions';
import { SevenPReport, SevenPsGrouping } from '../seven-p-report';

/** Which products sell to which customers: model x value tier, age band or region. */
export const PRODUCT: SevenPReport = {
  p: 'product',
  basis:
    'order lines of orders placed in [from, to), in the report currency, per model and the buyer’s tier (last ' +
    'recompute), age band (at `to`) or province; modelShare: of the model’s revenue',
  missing: [],
  groupings: ['tier', 'ageBand', 'region'],
  filters: () => [...CUSTOMER_FILTERS, 'model'],
  windowed: true,
  keys: () => 2,
  sql: (by: SevenPsGrouping) => `
    SELECT l.model, ${customerKey('c', by)}, count(DISTINCT o.customer_id)::int AS buyers,
      sum(l.quantity)::int AS units, sum(l.line_total)::float8 AS revenue,
      (sum(l.line_total) / NULLIF(sum(sum(l.line_total)) OVER (PARTITION BY l.model), 0))::float8 AS "modelShare"
    FROM ${LIVE_TABLES.orderLine} l JOIN ${LIVE_TABLES.orderFact} o USING (order_id)
      LEFT JOIN ${CUSTOMER_DIMENSIONS} c ON c.customer_id = o.customer_id
    WHERE o.currency = :currency AND o.placed_at >= :from::timestamptz AND o.placed_at < :to::timestamptz
      AND (:model::text IS NULL OR l.model = :model) AND ${customerFilter('c')}
    GROUP BY 1, 2`,
  newestEvent: [`${LIVE_TABLES.orderLine}.event_at`],
};
