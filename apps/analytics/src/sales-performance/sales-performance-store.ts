import { EntityManager } from 'typeorm';
import { StationChange } from '../projections/projection-store';
import { ForecastChange, OpportunityFactChange, QuotaChange } from './opportunity-fact-change';
import { SALES_PERFORMANCE_TABLE_NAMES } from './sales-performance-tables';

/** Where the sales projections are written; every write merges by rule, as the service projections' do. */
export abstract class SalesPerformanceStore {
  abstract applyOpportunityChange(tx: EntityManager, change: OpportunityFactChange): Promise<void>;
  abstract applyQuota(tx: EntityManager, quota: QuotaChange): Promise<void>;
  /** The latest adjustment of a level, person and month is its forecast (by adjustedAt, then event id). */
  abstract applyForecast(tx: EntityManager, forecast: ForecastChange): Promise<void>;
  /** A dealer's name and province, newest record wins (the shape a station's replica has). */
  abstract upsertDealer(tx: EntityManager, dealer: DealerChange): Promise<void>;
  /** A person's latest place in the sales tree (by setAt, then event id). */
  abstract placeTeamMember(tx: EntityManager, member: TeamMemberPlacement): Promise<void>;
}

/** A person's place in the sales tree, from sales-user.placed. */
export interface TeamMemberPlacement {
  userId: string;
  name: string;
  managerId: string | null;
  setAt: string;
  eventId: string;
}

export type DealerChange = Omit<StationChange, 'stationId'> & { dealerId: string };

/** `column` takes the incoming value when the incoming (at, event id) is later than the stored one. */
const latestWins = (column: string, at: string, eventId: string, when = 'true') =>
  `${column} = CASE WHEN ${when} AND (t.${at} IS NULL OR (t.${at}, t.${eventId}) < (EXCLUDED.${at}, EXCLUDED.${eventId}))
     THEN EXCLUDED.${column} ELSE t.${column} END`;

const SUMMARY_RULES = [
  'owner_id',
  'dealer_id',
  'stage',
  'probability',
  'amount',
  'currency',
  'summary_event_id',
  'summary_at',
].map((column) => latestWins(column, 'summary_at', 'summary_event_id'));
const OUTCOME_RULES = [
  'outcome',
  'closed_at',
  'won_amount',
  'cycle_days',
  'outcome_event_id',
  'outcome_at',
].map((column) => latestWins(column, 'outcome_at', 'outcome_event_id', 'EXCLUDED.outcome IS NOT NULL'));

/** The qualified sales tables: the live ones or a rebuild's copies. */
export type SalesPerformanceTables = Record<keyof typeof SALES_PERFORMANCE_TABLE_NAMES, string>;

/** The sales projections in PostgreSQL. */
export class PostgresSalesPerformanceStore extends SalesPerformanceStore {
  private readonly opportunityFact: string;
  private readonly salesQuota: string;
  private readonly dealer: string;
  private readonly salesForecast: string;
  private readonly salesTeamMember: string;

  constructor(tables: SalesPerformanceTables) {
    super();
    this.salesForecast = tables.salesForecast;
    this.salesTeamMember = tables.salesTeamMember;
    this.opportunityFact = tables.opportunityFact;
    this.salesQuota = tables.salesQuota;
    this.dealer = tables.dealer;
  }

  async upsertDealer(tx: EntityManager, dealer: DealerChange): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.dealer} AS t (dealer_id, name, region, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (dealer_id) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region, updated_at = EXCLUDED.updated_at
       WHERE t.updated_at < EXCLUDED.updated_at`,
      [dealer.dealerId, dealer.name, dealer.region, dealer.at],
    );
  }

  async applyOpportunityChange(tx: EntityManager, change: OpportunityFactChange): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.opportunityFact} AS t (opportunity_id, owner_id, dealer_id, stage, probability, amount,
         summary_at, summary_event_id, opened_at, outcome, closed_at, won_amount, cycle_days, outcome_at,
         outcome_event_id, last_event_at, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
         CASE WHEN $10::text IS NULL THEN NULL ELSE $7::timestamptz END,
         CASE WHEN $10::text IS NULL THEN NULL ELSE $8::uuid END, $7, $14)
       ON CONFLICT (opportunity_id) DO UPDATE SET
         ${[...SUMMARY_RULES, ...OUTCOME_RULES].join(',\n         ')},
         opened_at = LEAST(t.opened_at, EXCLUDED.opened_at),
         last_event_at = GREATEST(t.last_event_at, EXCLUDED.last_event_at)`,
      [
        change.opportunityId,
        change.ownerId,
        change.dealerId,
        change.stage,
        change.probability,
        change.amount,
        change.occurredAt,
        change.eventId,
        change.openedAt,
        change.outcome,
        change.closedAt,
        change.wonAmount,
        change.cycleDays,
        change.currency,
      ],
    );
  }

  async applyQuota(tx: EntityManager, quota: QuotaChange): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.salesQuota} AS t (user_id, month, revenue, set_at, set_event_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, month) DO UPDATE SET revenue = EXCLUDED.revenue, set_at = EXCLUDED.set_at,
         set_event_id = EXCLUDED.set_event_id
       WHERE (t.set_at, t.set_event_id) < (EXCLUDED.set_at, EXCLUDED.set_event_id)`,
      [quota.userId, quota.month, quota.revenue, quota.occurredAt, quota.eventId],
    );
  }

  async applyForecast(tx: EntityManager, forecast: ForecastChange): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.salesForecast} AS t (level, user_id, month, amount, manager_id, adjusted_at, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (level, user_id, month) DO UPDATE SET amount = EXCLUDED.amount, manager_id = EXCLUDED.manager_id,
         adjusted_at = EXCLUDED.adjusted_at, event_id = EXCLUDED.event_id
       WHERE (t.adjusted_at, t.event_id) < (EXCLUDED.adjusted_at, EXCLUDED.event_id)`,
      [
        forecast.level,
        forecast.userId,
        forecast.month,
        forecast.amount,
        forecast.managerId,
        forecast.adjustedAt,
        forecast.eventId,
      ],
    );
  }

  async placeTeamMember(tx: EntityManager, member: TeamMemberPlacement): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.salesTeamMember} AS t (user_id, name, manager_id, set_at, event_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET name = EXCLUDED.name, manager_id = EXCLUDED.manager_id,
         set_at = EXCLUDED.set_at, event_id = EXCLUDED.event_id
       WHERE (t.set_at, t.event_id) < (EXCLUDED.set_at, EXCLUDED.event_id)`,
      [member.userId, member.name, member.managerId, member.setAt, member.eventId],
    );
  }
}
