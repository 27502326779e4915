import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VALUE_TIERS, ValueTier } from '@crm/contracts';
import { LIVE_TABLES } from '../projections/projection-tables';
import {
  CustomerValueView,
  ParetoView,
  SegmentCount,
  TierCount,
  ValueDistribution,
} from './dto/customer-value.response';
import { RFM_SEGMENTS, RfmSegment } from './rfm-segments';
import { ageBandSql } from './age-bands';
import { CUSTOMER_VALUES, RECOMPUTE_RUN } from './customer-value-tables';

export interface ValueFilter {
  tier?: ValueTier;
  segment?: RfmSegment;
  /** Only the customers this dealer sold to (an order through it, ever). */
  dealerId?: string;
}

/** The share of customers the Pareto view takes from the top. */
export const PARETO_TOP_SHARE = 0.2;

const VIEW_COLUMNS = `v.customer_id AS "customerId", v.tier, v.tier_since AS "tierSince", v.segment,
  v.recency_score AS "recencyScore", v.frequency_score AS "frequencyScore", v.monetary_score AS "monetaryScore",
  v.purchases, v.value::float8 AS value, v.lifetime_revenue::float8 AS "lifetimeRevenue",
  v.average_order_value::float8 AS "averageOrderValue", v.first_purchase_at AS "firstPurchaseAt",
  v.last_purchase_at AS "lastPurchaseAt", v.potential_value::float8 AS "potentialValue",
  v.churn_ratio AS "churnRatio", v.churn_risk AS "churnRisk", v.clv::float8 AS clv, p.province, p.city,
  ${ageBandSql('p.birthday', 'v.computed_at')} AS "ageBand"`;
/** The values of every customer, or of the customers the dealer `param` sold to. */
const scopedValues = (param: string) => `(SELECT * FROM ${CUSTOMER_VALUES} WHERE ${param}::uuid IS NULL
  OR customer_id IN (SELECT customer_id FROM ${LIVE_TABLES.orderFact} WHERE dealer_id = ${param}::uuid))`;
const VALUES = `${scopedValues('$3')} v LEFT JOIN ${LIVE_TABLES.valueCustomer} p USING (customer_id)
  WHERE ($1::text IS NULL OR v.tier = $1) AND ($2::text IS NULL OR v.segment = $2)`;
const filterParams = (filter: ValueFilter) => [
  filter.tier ?? null,
  filter.segment ?? null,
  filter.dealerId ?? null,
];

const iso = (value: Date) => value.toISOString();
const viewOf = (row: Record<string, unknown>): CustomerValueView => ({
  ...(row as unknown as CustomerValueView),
  tierSince: iso(row.tierSince as Date),
  firstPurchaseAt: iso(row.firstPurchaseAt as Date),
  lastPurchaseAt: iso(row.lastPurchaseAt as Date),
});

/** Reads the last recompute's values, set-based. */
@Injectable()
export class CustomerValueRepository {
  constructor(private readonly db: DataSource) {}

  async distribution(dealerId: string | null): Promise<ValueDistribution> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS customers, coalesce(sum(value), 0)::float8 AS "totalValue",
         avg(value)::float8 AS mean,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY value::float8) AS p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY value::float8) AS p90,
         percentile_cont(0.99) WITHIN GROUP (ORDER BY value::float8) AS p99
       FROM ${scopedValues('$1')} v`,
      [dealerId],
    );
    return row;
  }

  async tiers(dealerId: string | null): Promise<TierCount[]> {
    const rows = await this.countsBy('tier', dealerId);
    return VALUE_TIERS.map((tier) => ({ tier, ...(rows.get(tier) ?? { customers: 0, value: 0 }) }));
  }

  async segments(dealerId: string | null): Promise<SegmentCount[]> {
    const rows = await this.countsBy('segment', dealerId);
    return RFM_SEGMENTS.map((segment) => ({ segment, ...(rows.get(segment) ?? { customers: 0, value: 0 }) }));
  }

  /** The top 20% of customers by value (rounded up) and their share of all value. */
  async pareto(dealerId: string | null): Promise<ParetoView> {
    const [row] = await this.db.query(
      `WITH ranked AS (
         SELECT value, row_number() OVER (ORDER BY value DESC, customer_id) AS position, count(*) OVER () AS customers
         FROM ${scopedValues('$2')} v)
       SELECT count(*) FILTER (WHERE position <= ceil(customers * $1::numeric))::int AS "topCustomers",
         coalesce(sum(value) FILTER (WHERE position <= ceil(customers * $1::numeric)), 0)::float8 AS "topValue",
         (sum(value) FILTER (WHERE position <= ceil(customers * $1::numeric)) / NULLIF(sum(value), 0))::float8 AS "valueShare"
       FROM ranked`,
      [PARETO_TOP_SHARE, dealerId],
    );
    return { topShare: PARETO_TOP_SHARE, ...row };
  }

  async card(customerId: string, dealerId: string | null): Promise<CustomerValueView | null> {
    const rows = await this.db.query(`SELECT ${VIEW_COLUMNS} FROM ${VALUES} AND v.customer_id = $4`, [
      ...filterParams({ dealerId: dealerId ?? undefined }),
      customerId,
    ]);
    return rows[0] ? viewOf(rows[0]) : null;
  }

  async page(
    filter: ValueFilter,
    limit: number,
    offset: number,
  ): Promise<{ items: CustomerValueView[]; total: number }> {
    const [rows, counted] = await Promise.all([
      this.db.query(
        `SELECT ${VIEW_COLUMNS} FROM ${VALUES} ORDER BY v.value DESC, v.customer_id DESC LIMIT $4 OFFSET $5`,
        [...filterParams(filter), limit, offset],
      ),
      this.db.query(`SELECT count(*)::int AS total FROM ${VALUES}`, filterParams(filter)),
    ]);
    return { items: rows.map(viewOf), total: counted[0].total };
  }

  /** The next keyset batch after `after` (highest value first): what the CSV export streams. */
  async after(
    filter: ValueFilter,
    after: { value: number; customerId: string } | null,
    limit: number,
  ): Promise<CustomerValueView[]> {
    const rows = await this.db.query(
      `SELECT ${VIEW_COLUMNS} FROM ${VALUES}
         AND ($4::numeric IS NULL OR (v.value, v.customer_id) < ($4::numeric, $5::uuid))
       ORDER BY v.value DESC, v.customer_id DESC LIMIT $6`,
      [...filterParams(filter), after?.value ?? null, after?.customerId ?? null, limit],
    );
    return rows.map(viewOf);
  }

  /** When the values were computed and from when their window ran; null before the first recompute. */
  async computed(): Promise<{ computedAt: Date; windowFrom: Date } | null> {
    const rows = await this.db.query(
      `SELECT computed_at AS "computedAt", window_from AS "windowFrom" FROM ${RECOMPUTE_RUN}`,
    );
    return rows[0] ?? null;
  }

  /** The newest order or repair event the projections applied. */
  async newestEventAt(): Promise<Date | null> {
    const [row] = await this.db.query(
      `SELECT GREATEST((SELECT max(event_at) FROM ${LIVE_TABLES.orderFact}),
         (SELECT max(event_at) FROM ${LIVE_TABLES.repairFact})) AS newest`,
    );
    return row.newest;
  }

  private async countsBy(
    column: 'tier' | 'segment',
    dealerId: string | null,
  ): Promise<Map<string, { customers: number; value: number }>> {
    const rows: Array<{ key: string; customers: number; value: number }> = await this.db.query(
      `SELECT ${column} AS key, count(*)::int AS customers, sum(value)::float8 AS value
       FROM ${scopedValues('$1')} v GROUP BY ${column}`,
      [dealerId],
    );
    return new Map(rows.map(({ key, customers, value }) => [key, { customers, value }]));
  }
}
