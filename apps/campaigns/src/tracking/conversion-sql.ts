/**
 * The one conversion rule (ADR 0032, 0046): a customer converted when an order, a service visit, a sales lead or a
 * test drive of theirs falls in [since, until). `CONVERSIONS` lists every such moment; the campaign results join it
 * set-based (campaign-results.repository.ts) and the propensity label asks it per row (`convertedBetween`).
 */
export const CONVERSIONS = `(
  SELECT customer_id, placed_at AS at, 'order' AS kind FROM campaigns.customer_order
  UNION ALL
  SELECT customer_id, occurred_at, kind FROM campaigns.customer_touchpoint WHERE customer_id IS NOT NULL)`;

/** Whether a moment lies in an attribution window: from its start, up to but not including its end. */
export const inWindow = (at: string, since: string, until: string) =>
  `${at} >= ${since} AND ${at} < ${until}`;

/** SQL over the expressions given for the customer id and the window's bounds: true when they converted in it. */
export const convertedBetween = (customer: string, since: string, until: string) =>
  `EXISTS (SELECT 1 FROM ${CONVERSIONS} c WHERE c.customer_id = ${customer} AND ${inWindow('c.at', since, until)})`;
