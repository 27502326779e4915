import { Money, OpportunitySummary } from '@crm/contracts';

export interface Opportunity {
  id: string;
  name: string;
  pipelineId: string;
  stage: string;
  probability: number;
  amount: Money | null;
  expectedCloseDate: string | null;
  customerId: string | null;
  leadId: string | null;
  ownerId: string;
  partnerId: string | null;
  /** Where the customer buys (`CN-SH`): line items are priced from this region's price list. */
  region: string | null;
  closeReason: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StageChange {
  fromStage: string | null;
  toStage: string;
  probability: number;
  changedBy: string;
  changedAt: string;
}

export function isClosed(opportunity: Opportunity): boolean {
  return opportunity.closedAt !== null;
}

export function toSummary(o: Opportunity): OpportunitySummary {
  return {
    opportunityId: o.id,
    name: o.name,
    pipelineId: o.pipelineId,
    stage: o.stage,
    probability: o.probability,
    amount: o.amount,
    expectedCloseDate: o.expectedCloseDate,
    customerId: o.customerId,
    leadId: o.leadId,
    ownerId: o.ownerId,
    partnerId: o.partnerId,
  };
}

/** Whole days from opening to closing: the sales cycle length. */
export function salesCycleDays(o: Opportunity, closedAt: Date): number {
  return Math.max(0, Math.floor((closedAt.getTime() - Date.parse(o.createdAt)) / 86_400_000));
}
