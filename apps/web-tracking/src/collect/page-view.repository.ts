import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BrowsingProfile } from '@crm/contracts';
import { BOUNCE_MS, DWELL_CAP_MS, wholeSeconds } from '../profiles/dwell-weighting';

export interface PageView {
  visitorId: string;
  viewId: string;
  customerId: string | null;
  sequence: number;
  path: string;
  category: string | null;
  model: string | null;
  viewedAt: Date;
}

/** A visit ends after 30 minutes without a page view. */
const VISIT_GAP = `interval '30 minutes'`;

/** Raw page views, kept WEB_TRACKING_RETENTION_DAYS. */
@Injectable()
export class PageViewRepository {
  /** False when this view was recorded already (the beacon sent twice). */
  async insert(tx: EntityManager, view: PageView): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO web_tracking.page_view
         (visitor_id, view_id, customer_id, sequence, path, category, model, viewed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (visitor_id, view_id) DO NOTHING RETURNING view_id`,
      [
        view.visitorId,
        view.viewId,
        view.customerId,
        view.sequence,
        view.path,
        view.category,
        view.model,
        view.viewedAt,
      ],
    );
    return rows.length > 0;
  }

  /** The longest time on page reported wins: the script reports on every hide of the page. */
  async recordDwell(tx: EntityManager, visitorId: string, viewId: string, dwellMs: number): Promise<void> {
    await tx.query(
      `UPDATE web_tracking.page_view SET dwell_ms = GREATEST(COALESCE(dwell_ms, 0), $3)
        WHERE visitor_id = $1 AND view_id = $2`,
      [visitorId, viewId, dwellMs],
    );
  }

  /** Gives a visitor's anonymous page views to the customer they turned out to be. */
  async claimForCustomer(tx: EntityManager, visitorId: string, customerId: string): Promise<void> {
    await tx.query(
      `UPDATE web_tracking.page_view SET customer_id = $2 WHERE visitor_id = $1 AND customer_id IS NULL`,
      [visitorId, customerId],
    );
  }

  async deleteVisitor(tx: EntityManager, visitorId: string): Promise<void> {
    await tx.query(`DELETE FROM web_tracking.page_view WHERE visitor_id = $1`, [visitorId]);
  }

  async moveCustomer(tx: EntityManager, fromCustomerId: string, toCustomerId: string): Promise<void> {
    await tx.query(`UPDATE web_tracking.page_view SET customer_id = $2 WHERE customer_id = $1`, [
      fromCustomerId,
      toCustomerId,
    ]);
  }

  /** Every page view about the customer, and those of the visitors linked to them. */
  async deleteCustomer(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(
      `DELETE FROM web_tracking.page_view WHERE customer_id = $1
          OR visitor_id IN (SELECT visitor_id FROM web_tracking.visitor WHERE customer_id = $1)`,
      [customerId],
    );
  }

  /** One batch of page views older than `before`; answers how many went. */
  async deleteBefore(tx: EntityManager, before: Date, batch: number): Promise<number> {
    const [rows]: [unknown[]] = await tx.query(
      `DELETE FROM web_tracking.page_view WHERE ctid = ANY(ARRAY(
         SELECT ctid FROM web_tracking.page_view WHERE viewed_at < $1 LIMIT $2))
       RETURNING 1`,
      [before, batch],
    );
    return rows.length;
  }

  /**
   * The customer's profile over their kept page views; null when there are none. Models and interests rank by
   * capped visible time, then by views; bounces count for nothing there, though they were visits (ADR 0055).
   */
  async profileOf(tx: EntityManager, customerId: string): Promise<BrowsingProfile | null> {
    const [row]: Array<{
      models: Array<{ model: string; dwellMs: number }> | null;
      interests: string[] | null;
      dwell_ms: number;
      visits: number;
      last_visit_at: Date | null;
    }> = await tx.query(
      `WITH views AS (
         SELECT category, model, viewed_at, dwell_ms,
                lag(viewed_at) OVER (ORDER BY viewed_at) AS previous
           FROM web_tracking.page_view WHERE customer_id = $1),
       starts AS (SELECT viewed_at FROM views WHERE previous IS NULL OR viewed_at - previous > ${VISIT_GAP}),
       engaged AS (
         SELECT category, model, least(COALESCE(dwell_ms, 0), $2)::float8 AS weight_ms
           FROM views WHERE dwell_ms IS NULL OR dwell_ms >= $3),
       models AS (
         SELECT model, sum(weight_ms) AS dwell_ms, count(*) n FROM engaged WHERE model IS NOT NULL
          GROUP BY model ORDER BY dwell_ms DESC, n DESC, model LIMIT 10),
       interests AS (
         SELECT category, sum(weight_ms) AS dwell_ms, count(*) n FROM engaged WHERE category IS NOT NULL
          GROUP BY category ORDER BY dwell_ms DESC, n DESC, category LIMIT 5)
       SELECT
         (SELECT json_agg(json_build_object('model', model, 'dwellMs', dwell_ms) ORDER BY dwell_ms DESC, n DESC, model)
            FROM models) AS models,
         (SELECT array_agg(category ORDER BY dwell_ms DESC, n DESC, category) FROM interests) AS interests,
         (SELECT COALESCE(sum(weight_ms), 0) FROM engaged) AS dwell_ms,
         (SELECT count(*)::int FROM starts) AS visits,
         (SELECT max(viewed_at) FROM starts) AS last_visit_at`,
      [customerId, DWELL_CAP_MS, BOUNCE_MS],
    );
    if (!row.last_visit_at) return null;
    const models = row.models ?? [];
    return {
      models: models.map(({ model }) => model),
      interests: row.interests ?? [],
      dwellSeconds: wholeSeconds(row.dwell_ms),
      modelDwell: models.map(({ model, dwellMs }) => ({ model, dwellSeconds: wholeSeconds(dwellMs) })),
      visits: row.visits,
      lastVisitAt: new Date(row.last_visit_at).toISOString(),
    };
  }
}
