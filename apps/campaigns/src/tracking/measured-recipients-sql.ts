import { CONVERSIONS, inWindow } from './conversion-sql';

/**
 * The CTEs ending in `x`: each recipient of campaign $1 that `only` admits (SQL over `r`, the recipient row, and `m`,
 * the campaign) with its window: from its send (the freeze for the holdout, which was never sent) for the campaign's
 * attribution days. Bounced is a final failure whose SMTP reply was a permanent 5xx. Set-based: the responses,
 * opt-outs, orders and conversions in the windows are each read once for the whole campaign and joined to the
 * recipients, never looked up per recipient. Converted is the one rule of conversion-sql.ts, its kind the first
 * conversion's. The plan relies on current statistics of campaign_recipient: the closer refreshes them when a
 * campaign is sent. The results read it whole; the settlement reads the recipients whose window closed.
 */
export const measuredRecipients = (only = 'true') => `
  WITH m AS (SELECT id, frozen_at, attribution_days FROM campaigns.campaign WHERE id = $1),
  r AS MATERIALIZED (
    SELECT r.customer_id, r.step, r.status, r.last_error, COALESCE(r.sent_at, m.frozen_at) AS since,
           COALESCE(r.sent_at, m.frozen_at) + make_interval(days => m.attribution_days) AS until
      FROM campaigns.campaign_recipient r JOIN m ON m.id = r.campaign_id
     WHERE r.status IN ('sent', 'failed', 'holdout') AND ${only}),
  responded AS (
    SELECT customer_id, bool_or(kind = 'opened') AS opened, bool_or(kind = 'clicked') AS clicked,
           bool_or(kind = 'replied') AS replied
      FROM campaigns.campaign_response WHERE campaign_id = $1 GROUP BY customer_id),
  unsubscribed AS (SELECT DISTINCT customer_id FROM campaigns.unsubscription WHERE campaign_id = $1),
  ordered AS (
    SELECT r.customer_id, r.step, sum(o.total_amount) AS amount
      FROM r JOIN campaigns.customer_order o
        ON o.customer_id = r.customer_id AND ${inWindow('o.placed_at', 'r.since', 'r.until')}
     GROUP BY r.customer_id, r.step),
  converted AS (
    SELECT DISTINCT ON (r.customer_id, r.step) r.customer_id, r.step, c.kind
      FROM r JOIN ${CONVERSIONS} c ON c.customer_id = r.customer_id AND ${inWindow('c.at', 'r.since', 'r.until')}
     ORDER BY r.customer_id, r.step, c.at, c.kind),
  x AS (
    SELECT r.customer_id, r.step, r.until, CASE r.status WHEN 'holdout' THEN 'holdout' ELSE 'treated' END AS grp,
           r.status = 'sent' AS delivered,
           r.status = 'failed' AND r.last_error ~ '(^|[^0-9])5[0-9]{2}([^0-9]|$)' AS bounced,
           COALESCE(p.opened, false) AS opened, COALESCE(p.clicked, false) AS clicked,
           COALESCE(p.replied, false) AS replied, u.customer_id IS NOT NULL AS unsubscribed,
           o.amount AS order_amount, v.customer_id IS NOT NULL AS converted, v.kind AS conversion_kind
      FROM r
      LEFT JOIN responded p ON p.customer_id = r.customer_id
      LEFT JOIN unsubscribed u ON u.customer_id = r.customer_id
      LEFT JOIN ordered o ON o.customer_id = r.customer_id AND o.step = r.step
      LEFT JOIN converted v ON v.customer_id = r.customer_id AND v.step = r.step)`;
