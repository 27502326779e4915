import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_CURRENCY, SALES_TIME_ZONE } from '@crm/contracts';
import { LIVE_TABLES } from '../projections/projection-tables';

export const MARKET_DIMENSIONS = ['region', 'product', 'rep'] as const;
export type MarketDimension = (typeof MARKET_DIMENSIONS)[number];
/** Orders placed (count), their amount (CNY), service tickets opened (count), repairs done (count). */
export const MARKET_METRICS = ['orders', 'amount', 'tickets', 'repairs'] as const;
export type MarketMetric = (typeof MARKET_METRICS)[number];

/** Months of the sales calendar [fromMonth, toMonth), `YYYY-MM`; a dealer's own orders and tickets when given. */
export interface MarketFilter {
  dimension: MarketDimension;
  metric: MarketMetric;
  fromMonth: string;
  toMonth: string;
  dealerId?: string;
}

export interface MonthValue {
  key: string;
  month: string;
  value: number;
}

const monthStart = (param: string) => `(${param} || '-01')::timestamp AT TIME ZONE '${SALES_TIME_ZONE}'`;
const monthOf = (column: string) => `to_char(${column} AT TIME ZONE '${SALES_TIME_ZONE}', 'YYYY-MM')`;
const CNY = `o.currency = '${DEFAULT_CURRENCY}'`;

/**
 * Sales: orders by the selling dealer's province, the models on them (an order counts once per model, with
 * that model's line totals) or the owning rep. Service: tickets and repairs by the station's province or the
 * vehicle's model; they have no rep. Amounts in CNY only (ADR 0016). Unknown region or model: ''.
 */
const SOURCES: Record<MarketMetric, Partial<Record<MarketDimension, string>>> = {
  orders: {
    region: `SELECT coalesce(d.region, '') AS key, ${monthOf('o.placed_at')} AS month, count(*) AS value
      FROM ${LIVE_TABLES.marketOrder} o LEFT JOIN ${LIVE_TABLES.dealer} d ON d.dealer_id = o.dealer_id`,
    product: `SELECT m.model AS key, ${monthOf('o.placed_at')} AS month, count(*) AS value
      FROM ${LIVE_TABLES.marketOrder} o JOIN ${LIVE_TABLES.marketOrderModel} m ON m.order_id = o.order_id`,
    rep: `SELECT o.owner_id AS key, ${monthOf('o.placed_at')} AS month, count(*) AS value
      FROM ${LIVE_TABLES.marketOrder} o`,
  },
  amount: {
    region: `SELECT coalesce(d.region, '') AS key, ${monthOf('o.placed_at')} AS month,
        coalesce(sum(o.amount) FILTER (WHERE ${CNY}), 0) AS value
      FROM ${LIVE_TABLES.marketOrder} o LEFT JOIN ${LIVE_TABLES.dealer} d ON d.dealer_id = o.dealer_id`,
    product: `SELECT m.model AS key, ${monthOf('o.placed_at')} AS month,
        coalesce(sum(m.amount) FILTER (WHERE ${CNY}), 0) AS value
      FROM ${LIVE_TABLES.marketOrder} o JOIN ${LIVE_TABLES.marketOrderModel} m ON m.order_id = o.order_id`,
    rep: `SELECT o.owner_id AS key, ${monthOf('o.placed_at')} AS month,
        coalesce(sum(o.amount) FILTER (WHERE ${CNY}), 0) AS value
      FROM ${LIVE_TABLES.marketOrder} o`,
  },
  tickets: {
    region: `SELECT coalesce(s.region, '') AS key, ${monthOf('f.opened_at')} AS month, count(*) AS value
      FROM ${LIVE_TABLES.ticketFact} f LEFT JOIN ${LIVE_TABLES.station} s ON s.station_id = f.station_id`,
    product: `SELECT coalesce(v.model, '') AS key, ${monthOf('f.opened_at')} AS month, count(*) AS value
      FROM ${LIVE_TABLES.ticketFact} f LEFT JOIN ${LIVE_TABLES.vehicleModel} v ON v.vehicle_id = f.vehicle_id`,
  },
  repairs: {
    region: `SELECT coalesce(s.region, '') AS key, ${monthOf('r.repaired_at')} AS month, count(*) AS value
      FROM ${LIVE_TABLES.marketRepair} r LEFT JOIN ${LIVE_TABLES.station} s ON s.station_id = r.station_id`,
    product: `SELECT coalesce(v.model, '') AS key, ${monthOf('r.repaired_at')} AS month, count(*) AS value
      FROM ${LIVE_TABLES.marketRepair} r LEFT JOIN ${LIVE_TABLES.vehicleModel} v ON v.vehicle_id = r.vehicle_id`,
  },
};

const SALES_WHERE = `WHERE o.placed_at >= ${monthStart('$1')} AND o.placed_at < ${monthStart('$2')}
  AND ($3::uuid IS NULL OR o.dealer_id = $3)`;
/** A repair is the dealer's when the vehicle of its ticket was sold by the dealer. */
const WHERE: Record<MarketMetric, string> = {
  orders: SALES_WHERE,
  amount: SALES_WHERE,
  tickets: `WHERE f.opened_at >= ${monthStart('$1')} AND f.opened_at < ${monthStart('$2')}
    AND ($3::uuid IS NULL OR f.selling_dealer_id = $3)`,
  repairs: `WHERE r.repaired_at >= ${monthStart('$1')} AND r.repaired_at < ${monthStart('$2')}
    AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM ${LIVE_TABLES.ticketFact} f
      WHERE f.ticket_id = r.ticket_id AND f.selling_dealer_id = $3))`,
};
/** The newest event each metric's projection has applied. */
const NEWEST: Record<MarketMetric, string> = {
  orders: `SELECT max(event_at) AS newest FROM ${LIVE_TABLES.marketOrder}`,
  amount: `SELECT max(event_at) AS newest FROM ${LIVE_TABLES.marketOrder}`,
  tickets: `SELECT max(last_event_at) AS newest FROM ${LIVE_TABLES.ticketFact}`,
  repairs: `SELECT max(event_at) AS newest FROM ${LIVE_TABLES.marketRepair}`,
};

export function dimensionAvailable(metric: MarketMetric, dimension: MarketDimension): boolean {
  return SOURCES[metric][dimension] !== undefined;
}

/** The (key, month, value) rows of the filter; the caller checks the dimension is available first. */
const monthlySql = ({ metric, dimension }: MarketFilter) =>
  `${SOURCES[metric][dimension]} ${WHERE[metric]} GROUP BY 1, 2`;
const params = (filter: MarketFilter) => [filter.fromMonth, filter.toMonth, filter.dealerId ?? null];

/** The market view's reads; only this class and the store know the tables. */
@Injectable()
export class MarketRepository {
  constructor(private readonly db: DataSource) {}

  /** A page of keys, largest total first (then by key), and how many keys there are. */
  async keys(
    filter: MarketFilter,
    page: { limit: number; offset: number },
  ): Promise<{ keys: string[]; total: number }> {
    const rows: Array<{ key: string; total: number }> = await this.db.query(
      `SELECT key, count(*) OVER ()::int AS total FROM (${monthlySql(filter)}) m
       GROUP BY key ORDER BY sum(value) DESC, key LIMIT $4 OFFSET $5`,
      [...params(filter), page.limit, page.offset],
    );
    const total = rows[0]?.total ?? (page.offset > 0 ? await this.countKeys(filter) : 0);
    return { keys: rows.map((row) => row.key), total };
  }

  /** The keys after `afterKey` in key order (keyset batches for the CSV export). */
  async keysAfter(filter: MarketFilter, afterKey: string | null, limit: number): Promise<string[]> {
    const rows: Array<{ key: string }> = await this.db.query(
      `SELECT DISTINCT key FROM (${monthlySql(filter)}) m WHERE $4::text IS NULL OR key > $4 ORDER BY key LIMIT $5`,
      [...params(filter), afterKey, limit],
    );
    return rows.map((row) => row.key);
  }

  /** The monthly values of the given keys (months with nothing are absent). */
  monthly(filter: MarketFilter, keys: string[]): Promise<MonthValue[]> {
    return this.db.query(
      `SELECT key, month, value::float8 AS value FROM (${monthlySql(filter)}) m WHERE key = ANY($4::text[])`,
      [...params(filter), keys],
    );
  }

  /** Every key's monthly values summed (a model counts once per order, so product totals are per model line). */
  totals(filter: MarketFilter): Promise<Array<{ month: string; value: number }>> {
    return this.db.query(
      `SELECT month, sum(value)::float8 AS value FROM (${monthlySql(filter)}) m GROUP BY month`,
      params(filter),
    );
  }

  /** The newest event the metric's projection has applied. */
  async newestEventAt(metric: MarketMetric): Promise<Date | null> {
    const [row] = await this.db.query(NEWEST[metric]);
    return row.newest;
  }

  private async countKeys(filter: MarketFilter): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(DISTINCT key)::int AS total FROM (${monthlySql(filter)}) m`,
      params(filter),
    );
    return row.total;
  }
}
