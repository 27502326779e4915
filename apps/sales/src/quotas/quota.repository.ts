import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { QuotaFigures } from './quota-progress';
import { Quota } from './quota';
import { SalesPeriod } from './sales-month';
import { peopleSql } from './team-reach';

/** A person's quota figures for a month, with who they are in the tree. */
export interface PersonFigures extends QuotaFigures {
  userId: string;
  name: string;
  managerId: string | null;
}

/** Quotas, and the leads and won opportunities they are measured against. */
@Injectable()
export class QuotaRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts or replaces the quota of (userId, month); answers the id the quota keeps across changes. */
  async upsert(tx: EntityManager, quota: Quota): Promise<string> {
    const [row] = await tx.query(
      `INSERT INTO sales.quota (id, user_id, month, prospects, revenue, set_by, set_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id, month) DO UPDATE SET prospects = EXCLUDED.prospects, revenue = EXCLUDED.revenue,
         set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at
       RETURNING id`,
      [quota.id, quota.userId, `${quota.month}-01`, quota.prospects, quota.revenue, quota.setBy, quota.setAt],
    );
    return row.id;
  }

  /**
   * Everyone in the subtree of `root` (everyone when null) with their quota for the period, the leads
   * they own created in it and the CNY amounts of their opportunities won in it.
   */
  figures(root: string | null, period: SalesPeriod): Promise<PersonFigures[]> {
    const params: unknown[] = [period.start.toISOString(), period.end.toISOString(), period.firstDay];
    const people = peopleSql(root, params);
    return this.dataSource.query(
      `WITH people AS (${people}),
       prospects AS (
         SELECT l.owner_id, count(*)::int AS n FROM sales.lead l
          WHERE l.owner_id IN (SELECT user_id FROM people) AND l.created_at >= $1 AND l.created_at < $2
          GROUP BY l.owner_id),
       won AS (
         SELECT o.owner_id,
                COALESCE(sum(o.amount) FILTER (WHERE o.currency = 'CNY'), 0)::float8 AS revenue,
                count(*) FILTER (WHERE o.currency <> 'CNY')::int AS other
           FROM sales.opportunity o
           JOIN sales.pipeline_stage s ON s.pipeline_id = o.pipeline_id AND s.key = o.stage
          WHERE s.outcome = 'won' AND o.owner_id IN (SELECT user_id FROM people)
            AND o.closed_at >= $1 AND o.closed_at < $2
          GROUP BY o.owner_id)
       SELECT u.user_id AS "userId", u.name, u.manager_id AS "managerId",
              q.prospects AS "prospectsQuota", q.revenue::float8 AS "revenueQuota",
              COALESCE(p.n, 0) AS prospects, COALESCE(w.revenue, 0) AS revenue,
              COALESCE(w.other, 0) AS "wonInOtherCurrencies"
         FROM sales.sales_user u
         LEFT JOIN sales.quota q ON q.user_id = u.user_id AND q.month = $3
         LEFT JOIN prospects p ON p.owner_id = u.user_id
         LEFT JOIN won w ON w.owner_id = u.user_id
        WHERE u.user_id IN (SELECT user_id FROM people)
        ORDER BY u.name, u.user_id`,
      params,
    );
  }
}
