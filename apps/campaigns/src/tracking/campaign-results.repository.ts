import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CONVERSIONS, inWindow } from './conversion-sql';

/** Counts of one campaign's treated group (sent or tried) and of its holdout, all attributed at read time. */
export interface GroupCounts {
  group: 'treated' | 'holdout';
  size: number;
  delivered: number;
  bounced: number;
  opened: number;
  clicked: number;
  replied: number;
  unsubscribed: number;
  converted: number;
  orderAmount: number;
}

export interface ProfileRow {
  dimension: 'ageBand' | 'province' | 'model';
  value: string;
  responders: number;
  nonResponders: number;
}

/**
 * Each recipient of the campaign with its window: from its send (the freeze for the holdout, which was never sent)
 * for the campaign's attribution days. Bounced is a final failure whose SMTP reply was a permanent 5xx. Set-based:
 * the responses, opt-outs, orders and conversions in the windows are each read once for the whole campaign and
 * joined to the recipients, never looked up per recipient. Converted is the one rule of conversion-sql.ts. The plan
 * relies on current statistics of campaign_recipient: the closer refreshes them when a campaign is sent.
 */
const MEASURED = `
  WITH m AS (SELECT id, frozen_at, attribution_days FROM campaigns.campaign WHERE id = $1),
  r AS MATERIALIZED (
    SELECT r.customer_id, r.step, r.status, r.last_error, COALESCE(r.sent_at, m.frozen_at) AS since,
           COALESCE(r.sent_at, m.frozen_at) + make_interval(days => m.attribution_days) AS until
      FROM campaigns.campaign_recipient r JOIN m ON m.id = r.campaign_id
     WHERE r.status IN ('sent', 'failed', 'holdout')),
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
    SELECT DISTINCT r.customer_id, r.step
      FROM r JOIN ${CONVERSIONS} c ON c.customer_id = r.customer_id AND ${inWindow('c.at', 'r.since', 'r.until')}),
  x AS (
    SELECT r.customer_id, CASE r.status WHEN 'holdout' THEN 'holdout' ELSE 'treated' END AS grp,
           r.status = 'sent' AS delivered,
           r.status = 'failed' AND r.last_error ~ '(^|[^0-9])5[0-9]{2}([^0-9]|$)' AS bounced,
           COALESCE(p.opened, false) AS opened, COALESCE(p.clicked, false) AS clicked,
           COALESCE(p.replied, false) AS replied, u.customer_id IS NOT NULL AS unsubscribed,
           o.amount AS order_amount, v.customer_id IS NOT NULL AS converted
      FROM r
      LEFT JOIN responded p ON p.customer_id = r.customer_id
      LEFT JOIN unsubscribed u ON u.customer_id = r.customer_id
      LEFT JOIN ordered o ON o.customer_id = r.customer_id AND o.step = r.step
      LEFT JOIN converted v ON v.customer_id = r.customer_id AND v.step = r.step)`;

/** Reads a campaign's results; nothing is stored by a consumer, so a late replica event still counts (ADR 0032). */
@Injectable()
export class CampaignResultsRepository {
  async groups(tx: EntityManager, campaignId: string): Promise<GroupCounts[]> {
    const rows: GroupCounts[] = await tx.query(
      `${MEASURED}
       SELECT grp AS "group", count(*)::int AS size, count(*) FILTER (WHERE delivered)::int AS delivered,
              count(*) FILTER (WHERE bounced)::int AS bounced, count(*) FILTER (WHERE opened)::int AS opened,
              count(*) FILTER (WHERE clicked)::int AS clicked, count(*) FILTER (WHERE replied)::int AS replied,
              count(*) FILTER (WHERE unsubscribed)::int AS unsubscribed,
              count(*) FILTER (WHERE converted)::int AS converted,
              COALESCE(sum(order_amount), 0)::float8 AS "orderAmount"
         FROM x GROUP BY grp`,
      [campaignId],
    );
    return rows;
  }

  /** The treated group by age band, province and latest owned model, split into responders and the rest. */
  async profile(tx: EntityManager, campaignId: string, now: Date): Promise<ProfileRow[]> {
    return tx.query(
      `${MEASURED},
       latest AS (
         SELECT DISTINCT ON (v.owner_customer_id) v.owner_customer_id, v.model
           FROM campaigns.vehicle v WHERE v.owner_customer_id IN (SELECT customer_id FROM x WHERE grp = 'treated')
          ORDER BY v.owner_customer_id, v.purchase_date DESC NULLS LAST),
       y AS (
         SELECT COALESCE(CASE
                  WHEN c.birthday IS NULL THEN NULL
                  WHEN date_part('year', age($2::timestamptz, c.birthday)) < 30 THEN '<30'
                  WHEN date_part('year', age($2::timestamptz, c.birthday)) < 40 THEN '30-39'
                  WHEN date_part('year', age($2::timestamptz, c.birthday)) < 50 THEN '40-49'
                  WHEN date_part('year', age($2::timestamptz, c.birthday)) < 60 THEN '50-59'
                  ELSE '60+' END, 'unknown') AS age_band,
                COALESCE(c.province, 'unknown') AS province,
                COALESCE(latest.model, 'none') AS model,
                (x.opened OR x.clicked OR x.replied OR x.converted) AS responded
           FROM x LEFT JOIN campaigns.customer c ON c.id = x.customer_id
           LEFT JOIN latest ON latest.owner_customer_id = x.customer_id
          WHERE x.grp = 'treated')
       SELECT CASE WHEN GROUPING(age_band) = 0 THEN 'ageBand' WHEN GROUPING(province) = 0 THEN 'province'
                   ELSE 'model' END AS dimension,
              COALESCE(age_band, province, model) AS value,
              count(*) FILTER (WHERE responded)::int AS responders,
              count(*) FILTER (WHERE NOT responded)::int AS "nonResponders"
         FROM y GROUP BY GROUPING SETS ((age_band), (province), (model))
         ORDER BY 1, 3 DESC, 2`,
      [campaignId, now],
    );
  }
}
