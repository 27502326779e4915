import { randomUUID } from 'node:crypto';
import {
  EventEnvelope,
  ForecastAdjusted,
  PartnerKinds,
  PartnerRegistered,
  OpportunityLost,
  OpportunityStageChanged,
  OpportunityWon,
  QuotaSet,
} from '@crm/contracts';
import { stampedEvent } from '@crm/testing';
import { AnalyticsHarness } from './analytics.harness';

const PIPELINE = '00000000-0000-4000-8000-0000000000f1';

/** An opportunity's events as the sales app would publish them, each stamped with its own time. */
export class OpportunityStory {
  readonly opportunityId = randomUUID();
  readonly events: EventEnvelope[] = [];
  private stage = 'qualification';
  private probability = 20;

  constructor(
    private readonly ownerId: string,
    private readonly dealerId: string | null,
    private readonly amount: number,
    private readonly currency = 'CNY',
  ) {}

  private money() {
    return { amount: this.amount, currency: this.currency };
  }

  private summary() {
    return {
      opportunityId: this.opportunityId,
      name: `deal ${this.opportunityId.slice(0, 6)}`,
      pipelineId: PIPELINE,
      stage: this.stage,
      probability: this.probability,
      amount: this.money(),
      expectedCloseDate: null,
      customerId: null,
      leadId: null,
      ownerId: this.ownerId,
      partnerId: this.dealerId,
    };
  }

  private push(event: EventEnvelope): EventEnvelope {
    this.events.push(event);
    return event;
  }

  moveTo(stage: string, probability: number, at: string): EventEnvelope {
    const fromStage = this.events.length === 0 ? null : this.stage;
    this.stage = stage;
    this.probability = probability;
    const payload = { ...this.summary(), fromStage, changedBy: 'mgr', changedAt: at };
    return this.push(stampedEvent(OpportunityStageChanged, this.opportunityId, payload, { occurredAt: at }));
  }

  opened(at: string): this {
    this.moveTo('qualification', 20, at);
    return this;
  }

  won(at: string, salesCycleDays: number): EventEnvelope {
    const payload = {
      ...this.summary(),
      amount: this.money(),
      reason: 'price',
      closedAt: at,
      salesCycleDays,
    };
    return this.push(stampedEvent(OpportunityWon, this.opportunityId, payload, { occurredAt: at }));
  }

  lost(at: string, salesCycleDays: number): EventEnvelope {
    const payload = { ...this.summary(), reason: 'competitor', closedAt: at, salesCycleDays };
    return this.push(stampedEvent(OpportunityLost, this.opportunityId, payload, { occurredAt: at }));
  }
}

export function quotaEvent(userId: string, month: string, revenue: number, at: string): EventEnvelope {
  const quotaId = randomUUID();
  const payload = {
    quotaId,
    userId,
    month,
    prospects: 10,
    revenue: { amount: revenue, currency: 'CNY' },
    setBy: 'mgr',
    setAt: at,
  };
  return stampedEvent(QuotaSet, quotaId, payload, { occurredAt: at });
}

/** A manager's forecast adjustment as sales publishes it (the person's manager carried along). */
export function forecastEvent(
  userId: string,
  managerId: string | null,
  month: string,
  amount: number,
  at: string,
  level: 'rep' | 'team' = 'rep',
): EventEnvelope {
  const adjustmentId = randomUUID();
  const payload = {
    adjustmentId,
    level,
    userId,
    managerId,
    month,
    amount: { amount, currency: 'CNY' },
    computed: 0,
    adjustedBy: managerId ?? 'director',
    adjustedAt: at,
  };
  return stampedEvent(ForecastAdjusted, adjustmentId, payload, { occurredAt: at });
}

/** A dealer as the customer master publishes it; its province is the sales reports' region. */
export async function registerDealer(
  harness: AnalyticsHarness,
  dealerId: string,
  province: string,
): Promise<void> {
  await harness.publish(PartnerRegistered, dealerId, {
    partnerId: dealerId,
    kind: PartnerKinds.dealer,
    code: `D-${province}`,
    name: `Dealer ${province}`,
    phone: null,
    address: { province, city: null, district: null, street: null, postalCode: null, location: null },
    location: { lat: 31.2, lon: 121.4 },
    brands: [],
    skills: [],
    capacity: 1,
    openingHours: [],
    active: true,
  });
}
