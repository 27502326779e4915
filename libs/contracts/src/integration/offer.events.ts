import { z } from 'zod';
import { defineEvent } from '../event-definition';

/** What an offer gives: a percentage off, or an amount off in a currency. */
export const OFFER_KINDS = ['percent-off', 'amount-off'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** Why an offer stopped being active without being applied. */
export const OFFER_END_REASONS = ['validity-ended', 'customer-merged'] as const;

/**
 * An offer as every offer event carries it (integration's offer rules, ADR 0043), so a consumer (billing, the call
 * center's 360) needs nothing else to show or apply it.
 */
export const offerStateSchema = z.object({
  offerId: z.uuid(),
  ruleId: z.uuid(),
  customerId: z.uuid(),
  /** For the agent and the invoice line, e.g. "20% off the next inspection". */
  title: z.string(),
  kind: z.enum(OFFER_KINDS),
  /** Percent (1-100) for percent-off, the amount for amount-off. */
  value: z.number().positive(),
  /** ISO 4217, for amount-off only. */
  currency: z.string().length(3).nullable(),
  /** What it applies to, e.g. "inspection". */
  appliesTo: z.string(),
  /** Why the customer got it, e.g. "gold tier, no service visit for 12 months". */
  reason: z.string(),
  grantedAt: z.iso.datetime(),
  validUntil: z.iso.datetime(),
});
export type OfferState = z.infer<typeof offerStateSchema>;

export const OfferGranted = defineEvent({
  type: 'offer.granted',
  version: 1,
  aggregateType: 'offer',
  description:
    "An offer rule (integration, ADR 0043) matched a customer's value tier and service history and granted them an offer; at most one active offer per rule and customer. Billing receives it through an event subscription and acknowledges it with POST /offers/{offerId}/applied. Keyed by offer id.",
  payload: offerStateSchema,
});

export const OfferApplied = defineEvent({
  type: 'offer.applied',
  version: 1,
  aggregateType: 'offer',
  description:
    'Billing acknowledged an offer (POST /offers/{offerId}/applied): it will apply it to the customer. Published once per offer.',
  payload: offerStateSchema.extend({
    appliedAt: z.iso.datetime(),
    /** Billing's own reference for it (an invoice or account line), when given. */
    reference: z.string().nullable(),
  }),
});

export const OfferExpired = defineEvent({
  type: 'offer.expired',
  version: 1,
  aggregateType: 'offer',
  description:
    'An offer stopped being active: its validity ended, or its customer was merged into another (the survivor is evaluated again). Published once per offer.',
  payload: offerStateSchema.extend({
    expiredAt: z.iso.datetime(),
    why: z.enum(OFFER_END_REASONS),
  }),
});

/** Why an offer was withdrawn before it was applied (ADR 0054). */
export const OFFER_WITHDRAWAL_REASONS = ['rule-disabled', 'rule-deleted'] as const;

export const OfferWithdrawn = defineEvent({
  type: 'offer.withdrawn',
  version: 1,
  aggregateType: 'offer',
  description:
    'An admin disabled or deleted the offer rule while the offer was granted and not yet applied (ADR 0054): billing must not apply it any more. Applied offers are not withdrawn. Published once per offer.',
  payload: offerStateSchema.extend({
    withdrawnAt: z.iso.datetime(),
    why: z.enum(OFFER_WITHDRAWAL_REASONS),
  }),
});

export const OFFER_EVENTS = [OfferGranted, OfferApplied, OfferExpired, OfferWithdrawn] as const;
