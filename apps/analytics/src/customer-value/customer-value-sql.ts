import { LIVE_TABLES } from '../projections/projection-tables';

/**
 * Each buyer's purchases in one table (orders or paid repairs), $4's currency, up to $1; value in [$2, $1). Read in
 * customer order from the table's covering index and summed in whole cents: no hash table of a million buyers, and
 * int8 sums instead of numeric ones (amounts are numeric(14, 2)).
 */
const buyerOf = (table: string, at: string) => `
  SELECT customer_id,
    count(*) FILTER (WHERE ${at} >= $2)::int AS purchases,
    coalesce(sum((amount * 100)::int8) FILTER (WHERE ${at} >= $2), 0) AS cents,
    sum((amount * 100)::int8) AS lifetime_cents,
    count(*)::int AS lifetime_purchases,
    min(${at}) AS first_purchase_at,
    max(${at}) AS last_purchase_at
  FROM ${table} WHERE customer_id IS NOT NULL AND currency = $4 AND ${at} < $1
  GROUP BY customer_id`;

/**
 * The set-based computation of every buyer's value (ADR 0027), one row per customer with a purchase (an
 * order, or a paid repair) in the configured currency. Parameters: $1 now, $2 window start, $3 window days,
 * $4 currency, $5 platinum, $6 gold, $7 iron (cumulative top percentages), $8 CLV years.
 *
 * - value: revenue in [window start, now); lifetime revenue: every purchase up to now.
 * - R, F, M: quintiles 1-5 of the last purchase, the purchases in the window and the value:
 *   1 + floor(5 x percent_rank), capped at 5, so ties share the lower score.
 * - segment: by R and FM = ceil((F + M) / 2).
 * - potential value (next 12 months) = average order value x the segment's purchases per customer per year
 *   over the window (average order value x expected frequency from the RFM cohort's history).
 * - churn ratio = days since the last purchase / the customer's own mean days between purchases (the median
 *   of those when the customer bought once, the window when nobody bought twice); low < 1 <= medium < 2 <= high.
 * - CLV = lifetime revenue + CLV years x potential value.
 * - tier: by rank of value (ties share a rank): platinum within the top $5 %, gold $6 %, iron $7 %
 *   (rounded up, so a tier is never empty while someone has a value), else lead; a value of 0 is lead.
 */
export const CUSTOMER_VALUE_SQL = `
WITH order_buyer AS (${buyerOf(LIVE_TABLES.orderFact, 'placed_at')}
), repair_buyer AS (${buyerOf(LIVE_TABLES.repairFact, 'repaired_at')}
), buyer AS (
  SELECT customer_id,
    coalesce(o.purchases, 0) + coalesce(r.purchases, 0) AS purchases,
    ((coalesce(o.cents, 0) + coalesce(r.cents, 0)) / 100)::numeric(16, 2) AS value,
    ((coalesce(o.lifetime_cents, 0) + coalesce(r.lifetime_cents, 0)) / 100)::numeric(16, 2) AS lifetime_revenue,
    coalesce(o.lifetime_purchases, 0) + coalesce(r.lifetime_purchases, 0) AS lifetime_purchases,
    LEAST(o.first_purchase_at, r.first_purchase_at) AS first_purchase_at,
    GREATEST(o.last_purchase_at, r.last_purchase_at) AS last_purchase_at
  FROM order_buyer o FULL JOIN repair_buyer r USING (customer_id)
), scored AS (
  SELECT b.*,
    LEAST(5, 1 + floor(round((percent_rank() OVER (ORDER BY last_purchase_at) * 5)::numeric, 9)))::smallint AS r,
    LEAST(5, 1 + floor(round((percent_rank() OVER (ORDER BY purchases) * 5)::numeric, 9)))::smallint AS f,
    LEAST(5, 1 + floor(round((percent_rank() OVER (ORDER BY value) * 5)::numeric, 9)))::smallint AS m,
    rank() OVER (ORDER BY value DESC) AS value_rank,
    count(*) OVER () AS population,
    EXTRACT(EPOCH FROM ($1::timestamptz - last_purchase_at)) / 86400 AS days_since,
    CASE WHEN lifetime_purchases > 1
      THEN EXTRACT(EPOCH FROM (last_purchase_at - first_purchase_at)) / 86400 / (lifetime_purchases - 1) END AS own_interval
  FROM buyer b
), segmented AS (
  SELECT s.*, CASE
      WHEN r >= 4 AND (f + m + 1) / 2 >= 4 THEN 'champions'
      WHEN r >= 3 AND (f + m + 1) / 2 >= 3 THEN 'loyal'
      WHEN r >= 4 THEN 'promising'
      WHEN r = 3 THEN 'needs_attention'
      WHEN (f + m + 1) / 2 >= 3 THEN 'at_risk'
      WHEN r = 2 THEN 'hibernating'
      ELSE 'lost' END AS segment
  FROM scored s
), cohort AS (
  SELECT segment, sum(purchases)::numeric / count(*) / ($3::numeric / 365) AS yearly_purchases
  FROM segmented GROUP BY segment
), typical AS (
  SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY own_interval), $3::float8) AS interval_days
  FROM scored
), valued AS (
  SELECT s.*, round(s.lifetime_revenue / s.lifetime_purchases, 2) AS average_order_value,
    round(s.lifetime_revenue / s.lifetime_purchases * c.yearly_purchases, 2) AS potential_value,
    s.days_since / GREATEST(coalesce(s.own_interval, t.interval_days), 1) AS churn_ratio
  FROM segmented s JOIN cohort c USING (segment) CROSS JOIN typical t
)
SELECT customer_id, purchases, value, lifetime_revenue, average_order_value, first_purchase_at, last_purchase_at,
  r AS recency_score, f AS frequency_score, m AS monetary_score, segment, potential_value, churn_ratio,
  CASE WHEN churn_ratio < 1 THEN 'low' WHEN churn_ratio < 2 THEN 'medium' ELSE 'high' END AS churn_risk,
  lifetime_revenue + $8 * potential_value AS clv,
  CASE WHEN value <= 0 THEN 'lead'
    WHEN value_rank <= ceil(population * $5::numeric / 100) THEN 'platinum'
    WHEN value_rank <= ceil(population * $6::numeric / 100) THEN 'gold'
    WHEN value_rank <= ceil(population * $7::numeric / 100) THEN 'iron'
    ELSE 'lead' END AS tier
FROM valued`;
