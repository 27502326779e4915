import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { salesMonth } from './quota.events';
import { moneySchema } from './sales.schemas';

/** A forecast is adjusted for one salesperson (their own opportunities) or a team (a manager's subtree). */
export const FORECAST_ADJUSTMENT_LEVELS = ['rep', 'team'] as const;

export const ForecastAdjusted = defineEvent({
  type: 'forecast.adjusted',
  version: 1,
  aggregateType: 'forecast',
  description:
    "A manager put their number on a person's or a team's month (the forecast snapshot; the latest adjustment of a level, person and month is the forecast). Carries the person's manager at that moment, so readers roll people up to teams without the sales hierarchy (ADR 0011, 0035).",
  payload: z.object({
    adjustmentId: z.uuid(),
    level: z.enum(FORECAST_ADJUSTMENT_LEVELS),
    /** The salesperson (level rep) or the manager whose subtree is the team (level team). */
    userId: z.string(),
    /** Whom userId reports to in the sales tree; null at the top. */
    managerId: z.string().nullable(),
    month: salesMonth,
    amount: moneySchema,
    /** The weighted pipeline computed for the month when it was adjusted (CNY). */
    computed: z.number(),
    adjustedBy: z.string(),
    adjustedAt: z.iso.datetime(),
  }),
});
