import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { moneySchema } from './sales.schemas';

/** A calendar month of the sales calendar, `YYYY-MM`. */
export const salesMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const QuotaSet = defineEvent({
  type: 'quota.set',
  version: 1,
  aggregateType: 'quota',
  description:
    "A manager set (or changed) a salesperson's quota for a month: new prospects to enter and revenue (CNY) to win. One aggregate per salesperson and month.",
  payload: z.object({
    quotaId: z.uuid(),
    userId: z.string(),
    month: salesMonth,
    prospects: z.number().int().nonnegative(),
    revenue: moneySchema,
    setBy: z.string(),
    setAt: z.iso.datetime(),
  }),
});
