import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampSql } from '@crm/persistence';
import { SalesUser } from '../hierarchy/sales-user';
import { SalesPeriod } from '../quotas/sales-month';
import { peopleSql } from '../quotas/team-reach';
import { CategoryRow, ForecastAdjustment, ForecastLevel } from './forecast';

const ADJUSTMENT_COLUMNS = `a.id, a.level, a.user_id AS "userId", to_char(a.month, 'YYYY-MM') AS month,
  a.amount::float8 AS amount, a.computed::float8 AS computed, a.note, a.adjusted_by AS "adjustedBy",
  ${isoTimestampSql('a.adjusted_at')} AS "adjustedAt"`;

/** Opportunities summed per owner and forecast category, and managers' adjustments. */
@Injectable()
export class ForecastRepository {
  constructor(private readonly dataSource: DataSource) {}

  people(root: string | null): Promise<SalesUser[]> {
    const params: unknown[] = [];
    return this.dataSource.query(
      `SELECT user_id AS "userId", name, manager_id AS "managerId" FROM sales.sales_user
        WHERE user_id IN (${peopleSql(root, params)}) ORDER BY name, user_id`,
      params,
    );
  }

  /**
   * Per owner in the subtree of `root` (everyone when null) and category: open opportunities expected
   * to close in the period and those won in it, in CNY; other currencies only counted as excluded.
   */
  categories(root: string | null, period: SalesPeriod): Promise<CategoryRow[]> {
    const params: unknown[] = [
      period.firstDay,
      period.nextFirstDay,
      period.start.toISOString(),
      period.end.toISOString(),
    ];
    const people = peopleSql(root, params);
    return this.dataSource.query(
      `SELECT o.owner_id AS "ownerId", s.forecast_category AS category,
              count(*) FILTER (WHERE o.currency = 'CNY')::int AS count,
              COALESCE(sum(o.amount) FILTER (WHERE o.currency = 'CNY'), 0)::float8 AS amount,
              COALESCE(round(sum(o.amount * o.probability / 100.0) FILTER (WHERE o.currency = 'CNY'), 2), 0)::float8
                AS weighted,
              count(*) FILTER (WHERE o.currency <> 'CNY')::int AS excluded
         FROM sales.opportunity o
         JOIN sales.pipeline_stage s ON s.pipeline_id = o.pipeline_id AND s.key = o.stage
        WHERE o.owner_id IN (${people}) AND s.forecast_category <> 'omitted'
          AND ((s.outcome = 'open' AND o.expected_close_date >= $1::date AND o.expected_close_date < $2::date)
            OR (s.outcome = 'won' AND o.closed_at >= $3 AND o.closed_at < $4))
        GROUP BY o.owner_id, s.forecast_category`,
      params,
    );
  }

  async addAdjustment(tx: EntityManager, adjustment: ForecastAdjustment): Promise<void> {
    await tx.query(
      `INSERT INTO sales.forecast_adjustment (id, level, user_id, month, amount, computed, note, adjusted_by, adjusted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        adjustment.id,
        adjustment.level,
        adjustment.userId,
        `${adjustment.month}-01`,
        adjustment.amount,
        adjustment.computed,
        adjustment.note,
        adjustment.adjustedBy,
        adjustment.adjustedAt,
      ],
    );
  }

  /** Adjustments of the month at `level` for the given people, newest first. */
  adjustments(level: ForecastLevel, userIds: string[], period: SalesPeriod): Promise<ForecastAdjustment[]> {
    return this.dataSource.query(
      `SELECT ${ADJUSTMENT_COLUMNS} FROM sales.forecast_adjustment a
        WHERE a.level = $1 AND a.user_id = ANY($2::text[]) AND a.month = $3
        ORDER BY a.seq DESC`,
      [level, userIds, period.firstDay],
    );
  }
}
