import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { convertedBetween } from './conversion-sql';

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
 * Each recipient of the campaign's first step with its window: from its send (the freeze for the holdout, which was
 * never sent) for the campaign's attribution days. Bounced is a final failure whose SMTP reply was a permanent 5xx.
 */
const MEASURED = `
  WITH m AS (SELECT id, frozen_at, attribution_days FROM campaigns.campaign WHERE id = $1),
  r AS (
    SELECT r.customer_id, r.status, r.last_error, COALESCE(r.sent_at, m.frozen_at) AS since,
           COALESCE(r.sent_at, m.frozen_at) + make_interval(days => m.attribution_days) AS until
      FROM campaigns.campaign_recipient r JOIN m ON m.id = r.campaign_id
     WHERE r.status IN ('sent', 'failed', 'holdout')),
  x AS (
    SELECT r.customer_id, CASE r.status WHEN 'holdout' THEN 'holdout' ELSE 'treated' END AS grp,
           r.status = 'sent' AS delivered,
           r.status = 'failed' AND r.last_error ~ '(^|[^0-9])5[0-9]{2}([^0-9]|$)' AS bounced,
           EXISTS (SELECT 1 FROM campaigns.campaign_response p
                    WHERE p.campaign_id = $1 AND p.customer_id = r.customer_id AND p.kind = 'opened') AS opened,
           EXISTS (SELECT 1 FROM campaigns.campaign_response p
                    WHERE p.campaign_id = $1 AND p.customer_id = r.customer_id AND p.kind = 'clicked') AS clicked,
           EXISTS (SELECT 1 FROM campaigns.campaign_response p
                    WHERE p.campaign_id = $1 AND p.customer_id = r.customer_id AND p.kind = 'replied') AS replied,
           EXISTS (SELECT 1 FROM campaigns.unsubscription u
                    WHERE u.campaign_id = $1 AND u.customer_id = r.customer_id) AS unsubscribed,
           o.amount AS order_amount,
           ${convertedBetween('r.customer_id', 'r.since', 'r.until')} AS converted
      FROM r
      LEFT JOIN LATERAL (
        SELECT sum(o.total_amount) AS amount FROM campaigns.customer_order o
         WHERE o.customer_id = r.customer_id AND o.placed_at >= r.since AND o.placed_at < r.until) o ON true)`;

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
       y AS (
         SELECT COALESCE(CASE
                  WHEN c.birthday IS NULL THEN NULL
                  WHEN date_part('year', age($2::timestamptz, c.birthday)) < 30 THEN '<30'
                  WHEN date_part('year', age($2::timestamptz, c.birthday)) < 40 THEN '30-39'
                  WHEN date_part('year', age($2::timestamptz, c.birthday)) < 50 THEN '40-49'
                  WHEN date_part('year', age($2::timestamptz, c.birthday)) < 60 THEN '50-59'
                  ELSE '60+' END, 'unknown') AS age_band,
                COALESCE(c.province, 'unknown') AS province,
                COALESCE((SELECT v.model FROM campaigns.vehicle v WHERE v.owner_customer_id = x.customer_id
                           ORDER BY v.purchase_date DESC NULLS LAST LIMIT 1), 'none') AS model,
                (x.opened OR x.clicked OR x.replied OR x.converted) AS responded
           FROM x LEFT JOIN campaigns.customer c ON c.id = x.customer_id
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
