import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_CURRENCY, SALES_TIME_ZONE } from '@crm/contracts';
import { LIVE_TABLES } from '../projections/projection-tables';

/** Opportunities closed in [from, to) (won, lost, cycle), open ones now (pipeline), quotas of the months starting in it. */
export interface SalesFilter {
  from: Date;
  to: Date;
  ownerId?: string;
  /** Only the people below this manager in the sales tree, at any depth. */
  managerId?: string;
  dealerId?: string;
  /** The selling dealer's province. */
  region?: string;
}

/**
 * Rows per sales rep (with quotas and forecasts), per team (a manager's row sums every rep below them in the sales
 * tree, at any depth; a rep the tree does not know yet counts under the manager their latest forecast.adjusted
 * named) or per selling dealer (no quotas: they are set per rep).
 */
export type SalesGrouping = 'rep' | 'team' | 'dealer';

/** The figures of a row or of everyone the filters cover. */
export interface SalesSums {
  won: number;
  lost: number;
  wonRevenue: number;
  cycleDaysSum: number | null;
  openOpportunities: number;
  pipelineAmount: number;
  quotaRevenue: number | null;
  forecastRevenue: number | null;
}

export interface SalesFigureRow extends SalesSums {
  key: string;
  /** The person's name in the sales tree, or the dealer's. */
  name: string | null;
}

export interface PipelineStageRow {
  stage: string;
  opportunities: number;
  amount: number;
  weightedAmount: number;
}

type OpportunityGrouping = Exclude<SalesGrouping, 'team'>;
const KEYS: Record<OpportunityGrouping, string> = {
  rep: 'o.owner_id',
  dealer: `coalesce(o.dealer_id::text, '')`,
};

/**
 * Each person with every manager above them in the sales tree (ADR 0046); a rep missing from the tree with the
 * manager their latest forecast.adjusted named. UNION stops a loop a late event could make.
 */
const managersAbove = () => `
  WITH RECURSIVE above (user_id, manager_id) AS (
    SELECT user_id, manager_id FROM ${LIVE_TABLES.salesTeamMember} WHERE manager_id IS NOT NULL
    UNION
    SELECT a.user_id, m.manager_id FROM above a JOIN ${LIVE_TABLES.salesTeamMember} m ON m.user_id = a.manager_id
     WHERE m.manager_id IS NOT NULL)
  SELECT user_id, manager_id FROM above
  UNION ALL
  SELECT f.user_id, f.manager_id FROM (SELECT DISTINCT ON (user_id) user_id, manager_id FROM ${LIVE_TABLES.salesForecast}
     ORDER BY user_id, adjusted_at DESC, event_id DESC) f
   WHERE NOT EXISTS (SELECT 1 FROM ${LIVE_TABLES.salesTeamMember} t WHERE t.user_id = f.user_id)`;
/** Everyone below the manager in parameter `param`, at any depth. */
const below = (param: string) => `SELECT user_id FROM (${managersAbove()}) b WHERE b.manager_id = ${param}`;

/** Opportunities narrowed by rep, dealer, region (the selling dealer's province) and manager, from parameter `$n` on. */
const narrowed = (n: number) => `($${n}::text IS NULL OR o.owner_id = $${n})
  AND ($${n + 1}::uuid IS NULL OR o.dealer_id = $${n + 1})
  AND ($${n + 2}::text IS NULL OR o.dealer_id IN (SELECT dealer_id FROM ${LIVE_TABLES.dealer} WHERE region = $${n + 2}))
  AND ($${n + 3}::text IS NULL OR o.owner_id IN (${below(`$${n + 3}`)}))`;
const narrowing = (filter: SalesFilter) => [
  filter.ownerId ?? null,
  filter.dealerId ?? null,
  filter.region ?? null,
  filter.managerId ?? null,
];
const CNY = `o.currency = '${DEFAULT_CURRENCY}'`;
const monthStart = (alias: string) =>
  `(${alias}.month || '-01')::timestamp AT TIME ZONE '${SALES_TIME_ZONE}'`;
/** Months of the sales calendar starting in the window, of the reps the filters cover. */
const monthsOfReps = (alias: string) => `${monthStart(alias)} >= $1 AND ${monthStart(alias)} < $2
      AND ($3::text IS NULL OR ${alias}.user_id = $3)
      AND (($4::uuid IS NULL AND $5::text IS NULL) OR ${alias}.user_id IN (SELECT owner_id FROM opp))
      AND ($6::text IS NULL OR ${alias}.user_id IN (${below('$6')}))`;

/**
 * The figures per key. Amounts count in CNY only (ADR 0016); a quota and a rep's forecast count when
 * their month, a month of the sales calendar (Asia/Shanghai), starts in the window.
 */
const opportunityFiguresSql = (grouping: OpportunityGrouping) => `
  WITH opp AS (
    SELECT o.* FROM ${LIVE_TABLES.opportunityFact} o
    WHERE ${narrowed(3)}),
  closed AS (
    SELECT ${KEYS[grouping]} AS key,
      count(*) FILTER (WHERE o.outcome = 'won') AS won,
      count(*) FILTER (WHERE o.outcome = 'lost') AS lost,
      coalesce(sum(o.won_amount) FILTER (WHERE o.outcome = 'won' AND ${CNY}), 0) AS won_revenue,
      sum(o.cycle_days) FILTER (WHERE o.outcome = 'won') AS cycle_days_sum
    FROM opp o WHERE o.closed_at >= $1 AND o.closed_at < $2 GROUP BY 1),
  open AS (
    SELECT ${KEYS[grouping]} AS key, count(*) AS open_opportunities, coalesce(sum(o.amount) FILTER (WHERE ${CNY}), 0) AS pipeline_amount
    FROM opp o WHERE o.outcome IS NULL GROUP BY 1),
  quota AS (
    SELECT q.user_id AS key, sum(q.revenue) AS quota_revenue FROM ${LIVE_TABLES.salesQuota} q
    WHERE ${grouping === 'rep'} AND ${monthsOfReps('q')}
    GROUP BY 1),
  forecast AS (
    SELECT f.user_id AS key, sum(f.amount) AS forecast_revenue FROM ${LIVE_TABLES.salesForecast} f
    WHERE ${grouping === 'rep'} AND f.level = 'rep' AND ${monthsOfReps('f')}
    GROUP BY 1)
  SELECT key, coalesce(won, 0)::int AS "won", coalesce(lost, 0)::int AS "lost",
    coalesce(won_revenue, 0)::float8 AS "wonRevenue", cycle_days_sum::float8 AS "cycleDaysSum",
    coalesce(open_opportunities, 0)::int AS "openOpportunities", coalesce(pipeline_amount, 0)::float8 AS "pipelineAmount",
    quota_revenue::float8 AS "quotaRevenue", forecast_revenue::float8 AS "forecastRevenue"
  FROM closed FULL JOIN open USING (key) FULL JOIN quota USING (key) FULL JOIN forecast USING (key)`;

const SUMMED = `coalesce(sum("won"), 0)::int AS "won", coalesce(sum("lost"), 0)::int AS "lost",
  coalesce(sum("wonRevenue"), 0)::float8 AS "wonRevenue", sum("cycleDaysSum")::float8 AS "cycleDaysSum",
  coalesce(sum("openOpportunities"), 0)::int AS "openOpportunities",
  coalesce(sum("pipelineAmount"), 0)::float8 AS "pipelineAmount", sum("quotaRevenue")::float8 AS "quotaRevenue",
  sum("forecastRevenue")::float8 AS "forecastRevenue"`;

/**
 * Each rep's figures under every manager above them ('' for a rep with no manager known); under a manager filter
 * only the teams below that manager.
 */
const teamFiguresSql = () => `
  SELECT coalesce(m.manager_id, '') AS key, ${SUMMED}
  FROM (${opportunityFiguresSql('rep')}) r
  LEFT JOIN (${managersAbove()}) m ON m.user_id = r.key
  WHERE $6::text IS NULL OR m.manager_id IN (${below('$6')})
  GROUP BY 1`;

const figuresSql = (grouping: SalesGrouping) =>
  grouping === 'team' ? teamFiguresSql() : opportunityFiguresSql(grouping);

/** The row's name: the person's in the sales tree, or the dealer's. */
const NAMES: Record<SalesGrouping, string> = {
  rep: `(SELECT t.name FROM ${LIVE_TABLES.salesTeamMember} t WHERE t.user_id = f.key)`,
  team: `(SELECT t.name FROM ${LIVE_TABLES.salesTeamMember} t WHERE t.user_id = f.key)`,
  dealer: `(SELECT d.name FROM ${LIVE_TABLES.dealer} d WHERE d.dealer_id::text = f.key)`,
};
const namedRowsSql = (grouping: SalesGrouping) =>
  `SELECT f.*, ${NAMES[grouping]} AS name FROM (${figuresSql(grouping)}) f`;

const params = (filter: SalesFilter) => [filter.from, filter.to, ...narrowing(filter)];

/** The sales reports' reads; only this class and the store know the tables. */
@Injectable()
export class SalesPerformanceRepository {
  constructor(private readonly db: DataSource) {}

  async rows(
    filter: SalesFilter,
    grouping: SalesGrouping,
    page: { limit: number; offset: number },
  ): Promise<{ items: SalesFigureRow[]; total: number }> {
    const rows: Array<SalesFigureRow & { total: number }> = await this.db.query(
      `SELECT *, count(*) OVER ()::int AS total FROM (${namedRowsSql(grouping)}) n
       ORDER BY "wonRevenue" DESC, key LIMIT $7 OFFSET $8`,
      [...params(filter), page.limit, page.offset],
    );
    const total = rows[0]?.total ?? (await this.count(filter, grouping));
    return { items: rows.map(({ total: _total, ...row }) => row), total };
  }

  /** Every row, in key order after `afterKey` (keyset batches for the CSV export). */
  rowsAfter(
    filter: SalesFilter,
    grouping: SalesGrouping,
    afterKey: string | null,
    limit: number,
  ): Promise<SalesFigureRow[]> {
    return this.db.query(
      `SELECT * FROM (${namedRowsSql(grouping)}) n WHERE $7::text IS NULL OR key > $7 ORDER BY key LIMIT $8`,
      [...params(filter), afterKey, limit],
    );
  }

  /** The rep rows summed: the figures of everyone the filter covers. */
  async totals(filter: SalesFilter): Promise<SalesSums> {
    const [row] = await this.db.query(`SELECT ${SUMMED} FROM (${figuresSql('rep')}) f`, params(filter));
    return row;
  }

  /** Open opportunities now, per stage, lowest probability first. */
  pipeline(filter: SalesFilter): Promise<PipelineStageRow[]> {
    return this.db.query(
      `SELECT o.stage, count(*)::int AS opportunities, coalesce(sum(o.amount) FILTER (WHERE ${CNY}), 0)::float8 AS amount,
         coalesce(sum(o.amount * o.probability / 100.0) FILTER (WHERE ${CNY}), 0)::float8 AS "weightedAmount"
       FROM ${LIVE_TABLES.opportunityFact} o
       WHERE o.outcome IS NULL AND ${narrowed(1)}
       GROUP BY o.stage ORDER BY min(o.probability), o.stage`,
      narrowing(filter),
    );
  }

  async newestEventAt(): Promise<Date | null> {
    const [row] = await this.db.query(
      `SELECT max(last_event_at) AS newest FROM ${LIVE_TABLES.opportunityFact}`,
    );
    return row.newest;
  }

  private async count(filter: SalesFilter, grouping: SalesGrouping): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS total FROM (${figuresSql(grouping)}) f`,
      params(filter),
    );
    return row.total;
  }
}
