import { z } from 'zod';
import { defineEvent } from '../event-definition';

/** The customer pyramid, highest first (analytics' customer value, ADR 0027). */
export const VALUE_TIERS = ['platinum', 'gold', 'iron', 'lead'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

export const CustomerValueTierChanged = defineEvent({
  type: 'customer-value.tier-changed',
  version: 1,
  aggregateType: 'customer-value',
  description:
    'A value recompute moved a customer to another tier of the pyramid (or placed them for the first time); published once per actual change, keyed by customer id.',
  payload: z.object({
    customerId: z.uuid(),
    tier: z.enum(VALUE_TIERS),
    previousTier: z.enum(VALUE_TIERS).nullable(),
    /** The value the tier was cut on: revenue over the value window, in `currency`. */
    value: z.number().nonnegative(),
    currency: z.string().length(3),
    computedAt: z.iso.datetime(),
  }),
});
