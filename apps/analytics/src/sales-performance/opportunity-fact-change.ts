import {
  EventEnvelope,
  ForecastAdjusted,
  OpportunityLost,
  OpportunityStageChanged,
  OpportunityWon,
  PayloadOf,
  QuotaSet,
} from '@crm/contracts';

type OpportunityPayload =
  | PayloadOf<typeof OpportunityStageChanged>
  | PayloadOf<typeof OpportunityWon>
  | PayloadOf<typeof OpportunityLost>;

/** What one opportunity event says about its fact row; null where the event says nothing. */
export interface OpportunityFactChange {
  opportunityId: string;
  eventId: string;
  occurredAt: string;
  ownerId: string;
  dealerId: string | null;
  stage: string;
  probability: number;
  amount: number | null;
  currency: string | null;
  /** When the opportunity was opened: the stage change that entered its first stage. */
  openedAt: string | null;
  outcome: 'won' | 'lost' | null;
  closedAt: string | null;
  wonAmount: number | null;
  cycleDays: number | null;
}

export interface QuotaChange {
  userId: string;
  month: string;
  revenue: number;
  eventId: string;
  occurredAt: string;
}

const outcomeOf = (type: string): OpportunityFactChange['outcome'] =>
  type === OpportunityWon.type ? 'won' : type === OpportunityLost.type ? 'lost' : null;

export function opportunityFactChange(event: EventEnvelope<OpportunityPayload>): OpportunityFactChange {
  const payload = event.payload;
  const outcome = outcomeOf(event.type);
  const closing = 'closedAt' in payload ? payload : null;
  const opening = 'fromStage' in payload && payload.fromStage === null ? payload.changedAt : null;
  return {
    opportunityId: payload.opportunityId,
    eventId: event.id,
    occurredAt: event.occurredAt,
    ownerId: payload.ownerId,
    dealerId: payload.partnerId,
    stage: payload.stage,
    probability: payload.probability,
    amount: payload.amount?.amount ?? null,
    currency: payload.amount?.currency ?? null,
    openedAt: opening,
    outcome,
    closedAt: closing?.closedAt ?? null,
    wonAmount: outcome === 'won' ? (payload.amount?.amount ?? null) : null,
    cycleDays: closing?.salesCycleDays ?? null,
  };
}

export function quotaChange(event: EventEnvelope<PayloadOf<typeof QuotaSet>>): QuotaChange {
  const { userId, month, revenue } = event.payload;
  return { userId, month, revenue: revenue.amount, eventId: event.id, occurredAt: event.occurredAt };
}

export interface ForecastChange {
  level: 'rep' | 'team';
  userId: string;
  managerId: string | null;
  month: string;
  amount: number;
  adjustedAt: string;
  eventId: string;
}

export function forecastChange(event: EventEnvelope<PayloadOf<typeof ForecastAdjusted>>): ForecastChange {
  const { level, userId, managerId, month, amount, adjustedAt } = event.payload;
  return { level, userId, managerId, month, amount: amount.amount, adjustedAt, eventId: event.id };
}
