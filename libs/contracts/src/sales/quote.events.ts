import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { isoDate } from '../shared-schemas';
import { moneySchema } from './sales.schemas';

/**
 * What every quote status event carries: the quote version, its deal and customer, what it offers and who moved it
 * when. `expired` has no event: it is derived from validUntil when read, so nothing changes when a quote lapses.
 */
const quoteStatusPayload = z.object({
  quoteId: z.uuid(),
  number: z.string(),
  version: z.number().int().positive(),
  opportunityId: z.uuid(),
  customerId: z.uuid().nullable(),
  total: moneySchema,
  validUntil: isoDate,
  changedBy: z.string(),
  changedAt: z.iso.datetime(),
});

export const QuoteSent = defineEvent({
  type: 'quote.sent',
  version: 1,
  aggregateType: 'quote',
  description: 'A draft quote was sent to the customer.',
  payload: quoteStatusPayload,
});

export const QuoteAccepted = defineEvent({
  type: 'quote.accepted',
  version: 1,
  aggregateType: 'quote',
  description: 'The customer accepted a sent quote (before it expired); an order can now be placed from it.',
  payload: quoteStatusPayload,
});

export const QuoteRejected = defineEvent({
  type: 'quote.rejected',
  version: 1,
  aggregateType: 'quote',
  description: 'The customer rejected a sent quote.',
  payload: quoteStatusPayload,
});

export const QUOTE_EVENTS = [QuoteSent, QuoteAccepted, QuoteRejected] as const;
