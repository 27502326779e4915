import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { moneySchema, opportunitySummarySchema } from './sales.schemas';

export const OpportunityStageChanged = defineEvent({
  type: 'opportunity.stage-changed',
  version: 1,
  aggregateType: 'opportunity',
  description:
    'An opportunity entered a pipeline stage (fromStage null when it was opened); carries who moved it and the weighted state.',
  payload: opportunitySummarySchema.extend({
    fromStage: z.string().nullable(),
    changedBy: z.string(),
    changedAt: z.iso.datetime(),
  }),
});

export const OpportunityWon = defineEvent({
  type: 'opportunity.won',
  version: 1,
  aggregateType: 'opportunity',
  description: 'The deal was won; carries the amount, the reason and the sales cycle length in days.',
  payload: opportunitySummarySchema.extend({
    amount: moneySchema,
    reason: z.string(),
    closedAt: z.iso.datetime(),
    salesCycleDays: z.number().int().min(0),
  }),
});

export const OpportunityLost = defineEvent({
  type: 'opportunity.lost',
  version: 1,
  aggregateType: 'opportunity',
  description: 'The deal was lost; carries the reason and the sales cycle length in days.',
  payload: opportunitySummarySchema.extend({
    reason: z.string(),
    closedAt: z.iso.datetime(),
    salesCycleDays: z.number().int().min(0),
  }),
});

export const OPPORTUNITY_EVENTS = [OpportunityStageChanged, OpportunityWon, OpportunityLost] as const;
