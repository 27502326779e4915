import { z } from 'zod';
import { defineEvent } from '../event-definition';

/** What campaigns offers a customer next, and why: the best association rule whose antecedent they own (ADR 0034). */
export const nextBestOfferSchema = z.object({
  /** The product (a model name, as orders and vehicles carry it) the customer does not own yet. */
  product: z.string().min(1),
  /** The owned product the rule starts from. */
  basedOn: z.string().min(1),
  /** For the agent, e.g. "owners of Aurora S7 often buy Nova E3: confidence 42%, lift 3.1". */
  reason: z.string(),
  /** confidence x lift of the rule. */
  score: z.number().nonnegative(),
  confidence: z.number().min(0).max(1),
  lift: z.number().nonnegative(),
});
export type NextBestOffer = z.infer<typeof nextBestOfferSchema>;

export const NextBestOfferChanged = defineEvent({
  type: 'next-best-offer.changed',
  version: 1,
  aggregateType: 'next-best-offer',
  description:
    'A cross-sell recompute gave a customer a new next best offer, another product, or none any more (offer null); published once per actual change of the product, keyed by customer id.',
  payload: z.object({
    customerId: z.uuid(),
    offer: nextBestOfferSchema.nullable(),
    changedAt: z.iso.datetime(),
  }),
});
