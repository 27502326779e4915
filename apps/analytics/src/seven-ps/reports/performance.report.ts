import { LIVE_TABLES } from '../../projections/projection-tables';
import { SevenPReport, SevenPsGrouping } from '../seven-p-report';

/** Every sale in the window: order lines through dealers, paid repairs through stations. */
const SALE = `(
  SELECT 'sales' AS channel, l.model AS product, d.region, l.line_total AS revenue, l.quantity AS units, l.order_id AS ref
  FROM ${LIVE_TABLES.orderLine} l JOIN ${LIVE_TABLES.orderFact} o USING (order_id)
    LEFT JOIN ${LIVE_TABLES.dealer} d ON d.dealer_id = o.dealer_id
  WHERE o.currency = :currency AND o.placed_at >= :from::timestamptz AND o.placed_at < :to::timestamptz
  UNION ALL
  SELECT 'service', 'repair', s.region, r.amount, 1, r.repair_id
  FROM ${LIVE_TABLES.repairFact} r LEFT JOIN ${LIVE_TABLES.station} s ON s.station_id = r.station_id
  WHERE r.currency = :currency AND r.repaired_at >= :from::timestamptz AND r.repaired_at < :to::timestamptz)`;

/** Where revenue comes from: by product (model), channel (sales, service) or region. */
export const PERFORMANCE: SevenPReport = {
  p: 'performance',
  basis:
    'orders placed and paid repairs done in [from, to), in the report currency; revenue: order line totals ' +
    'and repair costs; channel: sales (dealers) or service (stations); region: the selling dealer’s or ' +
    'repairing station’s province; sales: orders or repairs',
  missing: [],
  groupings: ['product', 'channel', 'region'],
  filters: () => ['region', 'model'],
  windowed: true,
  keys: () => 1,
  sql: (by: SevenPsGrouping) => `
    SELECT ${by} AS "${by}", sum(revenue)::float8 AS revenue,
      (sum(revenue) / NULLIF(sum(sum(revenue)) OVER (), 0))::float8 AS "revenueShare",
      sum(units)::int AS units, count(DISTINCT ref)::int AS sales
    FROM ${SALE} sale
    WHERE (:region::text IS NULL OR region = :region) AND (:model::text IS NULL OR product = :model)
    GROUP BY 1`,
  newestEvent: [`${LIVE_TABLES.orderLine}.event_at`, `${LIVE_TABLES.repairFact}.event_at`],
};
