import { LIVE_TABLES } from '../../projections/projection-tables';
import { CUSTOMER_DIMENSIONS, CUSTOMER_FILTERS, customerFilter, customerKey } from '../customer-dimensions';
import { SevenPReport, SevenPsGrouping } from '../seven-p-report';

/** Every purchase (order) and paid service visit (repair) of a known customer. */
const TOUCH = `(SELECT customer_id, placed_at AS at, true AS purchase FROM ${LIVE_TABLES.orderFact} WHERE customer_id IS NOT NULL
  UNION ALL
  SELECT customer_id, repaired_at, false FROM ${LIVE_TABLES.repairFact} WHERE customer_id IS NOT NULL)`;

/** Whether customers come back: retention, repeat purchases and loyalty. */
export const PERSISTENCY: SevenPReport = {
  p: 'persistency',
  basis:
    'customers with a purchase (order) or paid service visit (repair) in [from, to); retained: another one ' +
    'within 12 months after their first in the window (also after `to`); repeat purchase rate: buyers in the ' +
    'window with two or more orders in it; loyalty: buyers in the window with two or more orders up to `to`',
  missing: ['warranty and goodwill repairs (no cost) are no visit: analytics keeps paid repairs only'],
  groupings: ['tier', 'segment', 'region', 'ageBand'],
  filters: () => CUSTOMER_FILTERS,
  windowed: true,
  keys: () => 1,
  sql: (by: SevenPsGrouping) => `
    WITH touch AS ${TOUCH},
    first_in AS (
      SELECT customer_id, min(at) AS at FROM touch
      WHERE at >= :from::timestamptz AND at < :to::timestamptz GROUP BY customer_id
    ), per_customer AS (
      SELECT f.customer_id,
        bool_or(t.at > f.at AND t.at <= f.at + interval '12 months') AS retained,
        count(*) FILTER (WHERE t.purchase AND t.at >= :from::timestamptz AND t.at < :to::timestamptz) AS window_purchases,
        count(*) FILTER (WHERE t.purchase AND t.at < :to::timestamptz) AS purchases_to_date
      FROM first_in f JOIN touch t USING (customer_id) GROUP BY f.customer_id
    )
    SELECT ${customerKey('c', by)}, count(*)::int AS customers,
      count(*) FILTER (WHERE retained)::int AS retained,
      count(*) FILTER (WHERE retained)::float8 / count(*) AS "retentionRate",
      count(*) FILTER (WHERE window_purchases > 0)::int AS buyers,
      count(*) FILTER (WHERE window_purchases > 1)::int AS "repeatBuyers",
      count(*) FILTER (WHERE window_purchases > 1)::float8
        / NULLIF(count(*) FILTER (WHERE window_purchases > 0), 0) AS "repeatPurchaseRate",
      count(*) FILTER (WHERE window_purchases > 0 AND purchases_to_date > 1)::int AS "multiPurchaseBuyers",
      count(*) FILTER (WHERE window_purchases > 0 AND purchases_to_date > 1)::float8
        / NULLIF(count(*) FILTER (WHERE window_purchases > 0), 0) AS loyalty
    FROM per_customer pc LEFT JOIN ${CUSTOMER_DIMENSIONS} c USING (customer_id)
    WHERE ${customerFilter('c')}
    GROUP BY 1`,
  newestEvent: [`${LIVE_TABLES.orderFact}.event_at`, `${LIVE_TABLES.repairFact}.event_at`],
};
