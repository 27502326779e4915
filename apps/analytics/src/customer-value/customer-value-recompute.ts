import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerValueTierChanged } from '@crm/contracts';
import { Clock } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { CUSTOMER_VALUE_SQL } from './customer-value-sql';
import { CUSTOMER_VALUE_SETTINGS, CustomerValueSettings } from './customer-value-settings';
import { LIVE_TABLES } from '../projections/projection-tables';
import { CUSTOMER_VALUES, RECOMPUTE_RUN, RUN_NUMBER } from './customer-value-tables';

const DAY_MS = 86_400_000;
/** One recompute at a time across every instance: a transaction-scoped advisory lock on this name. */
const LOCK = 'analytics.customer-value-recompute';
/** The newest purchase event applied: when it moves, the values are stale. */
const NEWEST_EVENT = `SELECT GREATEST((SELECT max(event_at) FROM ${LIVE_TABLES.orderFact}),
  (SELECT max(event_at) FROM ${LIVE_TABLES.repairFact}))`;
/** Memory for the recompute's sorts and window aggregates, this transaction only (4 MB by default spills). */
const RECOMPUTE_WORK_MEM = '256MB';
/** What PostgreSQL's documentation suggests for storage where random reads cost about what sequential ones do. */
const RECOMPUTE_RANDOM_PAGE_COST = 1.1;
/**
 * The payload of each tier change (`CustomerValueTierChanged`), as Node would serialise it: `trim_scale` writes
 * the value as `Number()` of the numeric does (500000, not 500000.00). $1 is the currency, $2 computedAt.
 */
const TIER_CHANGES = `SELECT n.customer_id::text AS aggregate_id, row_number() OVER (ORDER BY n.customer_id) AS position,
    json_build_object('customerId', n.customer_id, 'tier', n.tier, 'previousTier', o.tier,
      'value', trim_scale(n.value), 'currency', $1::text, 'computedAt', $2::text) AS payload
  FROM next_value n LEFT JOIN ${CUSTOMER_VALUES} o USING (customer_id) WHERE o.tier IS DISTINCT FROM n.tier`;
const COLUMNS = `customer_id, purchases, value, lifetime_revenue, average_order_value, first_purchase_at,
  last_purchase_at, recency_score, frequency_score, monetary_score, segment, potential_value, churn_ratio,
  churn_risk, clv, tier`;
const UPDATED = COLUMNS.split(',')
  .map((column) => column.trim())
  .filter((column) => column !== 'customer_id')
  .map((column) => `${column} = EXCLUDED.${column}`)
  .join(', ');

export interface RecomputeResult {
  computedAt: string;
  windowFrom: string;
  customers: number;
  tierChanges: number;
}

/**
 * Recomputes every buyer's value, RFM, potential, churn risk, CLV and tier in one transaction (ADR 0027) and
 * publishes `customer-value.tier-changed` through the outbox for each customer whose tier is not the one it
 * had: a recompute that changes no tier publishes nothing.
 */
@Injectable()
export class CustomerValueRecompute {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
    @Inject(CUSTOMER_VALUE_SETTINGS) private readonly settings: CustomerValueSettings,
  ) {}

  /** On demand: after a recompute in progress, whatever has changed. */
  recomputeNow(): Promise<RecomputeResult> {
    return this.unitOfWork.run(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [LOCK]);
      return this.recompute(tx);
    });
  }

  /**
   * The schedule: recomputes when purchases arrived since the last run, or the last run is older than the
   * configured interval (recency moves with time); skips when another instance is recomputing.
   */
  recomputeIfDue(): Promise<RecomputeResult | null> {
    return this.unitOfWork.run(async (tx) => {
      const [{ locked }] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [LOCK]);
      if (!locked || !(await this.due(tx))) return null;
      return this.recompute(tx);
    });
  }

  private async recompute(tx: EntityManager): Promise<RecomputeResult> {
    // The statement's sorts and window aggregates hold every buyer: in memory, not spilled to disk (ADR 0045).
    await tx.query(`SET LOCAL work_mem = '${RECOMPUTE_WORK_MEM}'`);
    // The purchases are read in customer order from their covering indexes (ADR 0063). The default cost of a random
    // page (4, a spinning disk's) makes the planner hash ten million rows instead, about 4 s slower at that size.
    await tx.query(`SET LOCAL random_page_cost = ${RECOMPUTE_RANDOM_PAGE_COST}`);
    const now = this.clock.now();
    const windowFrom = new Date(now.getTime() - this.settings.windowDays * DAY_MS);
    const customers = await this.computeInto(tx, now, windowFrom);
    // Compared with the values being replaced, so before they are.
    const tierChanges = await this.publish(tx, now);
    await this.replaceValues(tx);
    await tx.query(
      `INSERT INTO ${RECOMPUTE_RUN} (computed_at, window_from, newest_event_at) VALUES ($1, $2, (${NEWEST_EVENT}))
       ON CONFLICT (singleton) DO UPDATE SET computed_at = EXCLUDED.computed_at, window_from = EXCLUDED.window_from,
         newest_event_at = EXCLUDED.newest_event_at`,
      [now, windowFrom],
    );
    return {
      computedAt: now.toISOString(),
      windowFrom: windowFrom.toISOString(),
      customers,
      tierChanges,
    };
  }

  private async due(tx: EntityManager): Promise<boolean> {
    const interval = this.settings.recomputeMinutes * 60_000;
    const [row] = await tx.query(
      `SELECT computed_at <= $1 OR (${NEWEST_EVENT}) IS DISTINCT FROM newest_event_at AS due FROM ${RECOMPUTE_RUN}`,
      [new Date(this.clock.now().getTime() - interval)],
    );
    return row?.due ?? true;
  }

  private async computeInto(tx: EntityManager, now: Date, windowFrom: Date): Promise<number> {
    const { windowDays, currency, cutoffs, clvYears } = this.settings;
    await tx.query(`CREATE TEMP TABLE next_value (LIKE ${CUSTOMER_VALUES}) ON COMMIT DROP`);
    await tx.query(
      `INSERT INTO next_value (${COLUMNS}, tier_since, window_from, computed_at)
       SELECT ${COLUMNS}, $1, $2, $1 FROM (${CUSTOMER_VALUE_SQL}) v`,
      [now, windowFrom, windowDays, currency, cutoffs.platinum, cutoffs.gold, cutoffs.iron, clvYears],
    );
    const [{ count }] = await tx.query(`SELECT count(*)::int AS count FROM next_value`);
    return count;
  }

  /** Keeps when each customer entered their tier; forgets buyers no longer there. */
  private async replaceValues(tx: EntityManager): Promise<void> {
    await tx.query(
      `DELETE FROM ${CUSTOMER_VALUES} o WHERE NOT EXISTS (SELECT 1 FROM next_value n WHERE n.customer_id = o.customer_id)`,
    );
    await tx.query(
      // In the order of the tier index: its entries are appended, not scattered (a first run inserts every buyer).
      `INSERT INTO ${CUSTOMER_VALUES} AS o SELECT * FROM next_value ORDER BY tier, value DESC, customer_id
       ON CONFLICT (customer_id) DO UPDATE SET ${UPDATED},
         tier_since = CASE WHEN o.tier = EXCLUDED.tier THEN o.tier_since ELSE EXCLUDED.tier_since END,
         window_from = EXCLUDED.window_from, computed_at = EXCLUDED.computed_at`,
    );
  }

  /**
   * One `customer-value.tier-changed` per customer whose tier moved, built in SQL into the outbox (ADR 0061): a
   * first recompute changes every buyer's tier, and a million envelopes built in Node cost more than the recompute.
   * The recompute alone writes tier events, at most one per customer a run: they are numbered by run (ADR 0063).
   */
  private async publish(tx: EntityManager, now: Date): Promise<number> {
    const [{ run }] = await tx.query(`SELECT nextval('${RUN_NUMBER}') AS run`);
    return this.outbox.addSelected(tx, this.events.shared(CustomerValueTierChanged), {
      sql: TIER_CHANGES,
      params: [this.settings.currency, now.toISOString()],
      runSequence: run,
    });
  }
}
