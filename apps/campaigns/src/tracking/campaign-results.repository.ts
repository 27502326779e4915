import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { measuredRecipients } from './measured-recipients-sql';

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

/** Reads a campaign's results; nothing is stored by a consumer, so a late replica event still counts (ADR 0032). */
const MEASURED = measuredRecipients();

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
