import { OfferState, offerStateSchema } from '@crm/contracts';

export const OFFER_STATUSES = ['granted', 'applied', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** A granted offer as integration keeps it: the state its events carry, and where it stands. */
export interface Offer extends OfferState {
  status: OfferStatus;
  appliedAt: string | null;
  reference: string | null;
  endedAt: string | null;
}

/** The offer's state as its events carry it (zod drops the status fields). */
export function stateOf(offer: Offer): OfferState {
  return offerStateSchema.parse(offer);
}
