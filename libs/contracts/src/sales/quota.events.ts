import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { moneySchema } from './sales.schemas';

/**
 * The sales organisation's time zone (China Standard Time): quota months are its calendar months, so a
 * lead captured at 23:30 on 31 March in Shanghai counts for March (ADR 0016).
 */
export const SALES_TIME_ZONE = 'Asia/Shanghai';

/** A calendar month of the sales calendar (in SALES_TIME_ZONE), `YYYY-MM`. */
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
