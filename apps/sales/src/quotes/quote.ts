import {
  EventDefinition,
  Money,
  OrderItem,
  PayloadOf,
  QuoteAccepted,
  QuoteRejected,
  QuoteSent,
} from '@crm/contracts';
import { lineTotal, OpportunityLine } from '../opportunities/opportunity-line';

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
/** What is stored; `expired` is derived from the valid-until date, so no job has to flip it. */
export type StoredQuoteStatus = Exclude<QuoteStatus, 'expired'>;

/** A quote line is the opportunity line as it was quoted, in the shape an order item has. */
export type QuoteLine = OrderItem;

export interface Quote {
  id: string;
  /** Shared by every version of the quotes of one opportunity (`Q2026-000042`). */
  number: string;
  version: number;
  opportunityId: string;
  customerId: string | null;
  customerName: string | null;
  status: StoredQuoteStatus;
  validUntil: string;
  terms: string | null;
  lines: QuoteLine[];
  total: Money;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export function quoteLineOf(line: OpportunityLine): QuoteLine {
  return {
    trimId: line.trimId,
    trimName: line.trimName,
    modelId: line.modelId,
    modelName: line.modelName,
    quantity: line.quantity,
    unitPrice: line.unitPrice.amount,
    discount: line.discount,
    lineTotal: lineTotal(line),
  };
}

/** A draft or sent quote past its last valid day (`today` as YYYY-MM-DD) is expired. */
export function statusOn(quote: Pick<Quote, 'status' | 'validUntil'>, today: string): QuoteStatus {
  const open = quote.status === 'draft' || quote.status === 'sent';
  return open && quote.validUntil < today ? 'expired' : quote.status;
}

/** Which stored status each step may start from, and the event it publishes. */
export const QUOTE_STEPS = {
  send: { from: ['draft'], to: 'sent', event: QuoteSent },
  accept: { from: ['sent'], to: 'accepted', event: QuoteAccepted },
  reject: { from: ['sent'], to: 'rejected', event: QuoteRejected },
} as const satisfies Record<
  string,
  { from: StoredQuoteStatus[]; to: StoredQuoteStatus; event: EventDefinition }
>;
export type QuoteStep = keyof typeof QUOTE_STEPS;

/** The payload every quote status event carries, for the quote as it stands after the step. */
export function quoteStatusPayload(quote: Quote, changedBy: string): PayloadOf<typeof QuoteSent> {
  return {
    quoteId: quote.id,
    number: quote.number,
    version: quote.version,
    opportunityId: quote.opportunityId,
    customerId: quote.customerId,
    total: quote.total,
    validUntil: quote.validUntil,
    changedBy,
    changedAt: quote.updatedAt,
  };
}
