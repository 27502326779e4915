import { LIVE_TABLES } from '../../projections/projection-tables';
import { SevenPReport } from '../seven-p-report';

/** How leads become customers: per source and month of capture. */
export const PROSPECTING: SevenPReport = {
  p: 'prospecting',
  basis:
    'leads captured in [from, to), per source and month (UTC) of capture; converted: became an opportunity ' +
    '(by now); buyers: the lead’s customer placed an order at or after the capture (by now)',
  missing: [],
  groupings: ['source'],
  filters: () => ['source'],
  windowed: true,
  keys: () => 2,
  sql: () => `
    SELECT l.source, to_char(l.captured_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS leads,
      count(l.converted_at)::int AS converted, count(l.converted_at)::float8 / count(*) AS "conversionRate",
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${LIVE_TABLES.orderFact} o
        WHERE o.customer_id = l.customer_id AND o.placed_at >= l.captured_at))::int AS buyers
    FROM ${LIVE_TABLES.leadFact} l
    WHERE l.captured_at >= :from::timestamptz AND l.captured_at < :to::timestamptz
      AND (:source::text IS NULL OR l.source = :source)
    GROUP BY 1, 2`,
  newestEvent: [`${LIVE_TABLES.leadFact}.event_at`],
};
