import { PROPENSITY_FEATURES } from './propensity-features';
import { respondedSql } from './responded-sql';

/**
 * The features of a population, set-based: `population` is a SELECT of (customer_id, as_of, label) and each feature
 * is read as of its row's moment (vehicles bought, orders placed, service visits and campaigns before it), so a training row
 * never sees what happened after its campaign was sent. The value tier is the current one (the replica keeps no
 * history). Unknown values are NULL; the standardisation makes them the mean.
 */
export function featureQuery(population: string): string {
  const values = PROPENSITY_FEATURES.map((feature) => `(${feature.sql})::float8`).join(',\n         ');
  return `WITH p AS (${population})
  SELECT p.customer_id AS "customerId", p.label, ARRAY[
         ${values}] AS "values"
    FROM p JOIN campaigns.customer c ON c.id = p.customer_id
    LEFT JOIN LATERAL (
      SELECT count(*) AS owned, max(v.purchase_date) AS latest, min(v.purchase_date) AS first
        FROM campaigns.vehicle v
       WHERE v.owner_customer_id = p.customer_id AND (v.purchase_date IS NULL OR v.purchase_date < p.as_of)) veh ON true
    LEFT JOIN LATERAL (
      SELECT count(*) AS placed, sum(o.total_amount) AS amount, min(o.placed_at) AS first
        FROM campaigns.customer_order o WHERE o.customer_id = p.customer_id AND o.placed_at < p.as_of) ord ON true
    LEFT JOIN LATERAL (
      SELECT count(*) AS visits FROM campaigns.customer_touchpoint tp
       WHERE tp.customer_id = p.customer_id AND tp.kind = 'service_visit' AND tp.occurred_at < p.as_of) vis ON true
    LEFT JOIN campaigns.customer_service s ON s.customer_id = p.customer_id AND s.last_service_at < p.as_of
    LEFT JOIN campaigns.customer_value_tier t ON t.customer_id = p.customer_id
    LEFT JOIN LATERAL (
      SELECT avg((${respondedSql('r', 'k')})::int)::float8 AS rate
        FROM campaigns.campaign_recipient r JOIN campaigns.campaign k ON k.id = r.campaign_id
       WHERE r.customer_id = p.customer_id AND r.status = 'sent' AND r.sent_at < p.as_of) past ON true
   ORDER BY p.customer_id, p.as_of`;
}
