import { z } from 'zod';
import { isoDate } from '../shared-schemas';

export const LEAD_SOURCES = [
  'web_form',
  'campaign',
  'showroom_visit',
  'referral',
  'dealer',
  'call_center',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'disqualified', 'converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** When the prospect means to buy. */
export const PURCHASE_TIMEFRAMES = [
  'immediately',
  'within_1_month',
  'within_3_months',
  'within_6_months',
  'later',
] as const;
export type PurchaseTimeframe = (typeof PURCHASE_TIMEFRAMES)[number];

/** How a lead is placed: with the nearest dealer selling its model, or with the next rep of a team. */
export const LEAD_ASSIGNMENT_STRATEGIES = ['nearest-dealer', 'round-robin'] as const;
export type LeadAssignmentStrategy = (typeof LEAD_ASSIGNMENT_STRATEGIES)[number];

export const ACTIVITY_TYPES = ['call', 'visit', 'meeting', 'test_drive', 'email', 'task'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** ISO 4217 code; amounts are in CNY unless another currency is named. */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/);
export const DEFAULT_CURRENCY = 'CNY';

export const moneySchema = z.object({ amount: z.number().nonnegative(), currency: currencyCode });
export type Money = z.infer<typeof moneySchema>;

/** What the prospect is interested in: a model, a budget and a timeframe. */
export const leadInterestSchema = z.object({
  model: z.string().nullable(),
  budget: moneySchema.nullable(),
  timeframe: z.enum(PURCHASE_TIMEFRAMES).nullable(),
});
export type LeadInterest = z.infer<typeof leadInterestSchema>;

/** The opportunity fields consumers (analytics, campaigns) need, carried by every opportunity event. */
export const opportunitySummarySchema = z.object({
  opportunityId: z.uuid(),
  name: z.string(),
  pipelineId: z.uuid(),
  stage: z.string(),
  probability: z.number().int().min(0).max(100),
  amount: moneySchema.nullable(),
  expectedCloseDate: isoDate.nullable(),
  customerId: z.uuid().nullable(),
  leadId: z.uuid().nullable(),
  ownerId: z.string(),
  partnerId: z.uuid().nullable(),
});
export type OpportunitySummary = z.infer<typeof opportunitySummarySchema>;
