/**
 * Whether a customer converted in a window: an order placed or a service visit in [since, until) (ADR 0032). SQL over
 * the expressions given for the customer id and the window's bounds, for the propensity label. The results apply the
 * same rule set-based over a whole campaign (campaign-results.repository.ts): change both together.
 */
export const convertedBetween = (customer: string, since: string, until: string) =>
  `(EXISTS (SELECT 1 FROM campaigns.customer_order o
             WHERE o.customer_id = ${customer} AND o.placed_at >= ${since} AND o.placed_at < ${until})
    OR EXISTS (SELECT 1 FROM campaigns.customer_service s
                WHERE s.customer_id = ${customer} AND s.last_service_at >= ${since} AND s.last_service_at < ${until}))`;
