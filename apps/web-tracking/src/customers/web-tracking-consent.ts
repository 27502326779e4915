import { CustomerState } from '@crm/contracts';

/**
 * The customer master keeps marketing consent per channel and none for the website as such: a customer who has
 * consents on record and every one of them withdrawn (or never granted) has said no to marketing, and is not
 * tracked however the site's banner was answered. No record at all leaves it to the site's consent.
 */
export function allowsWebTracking(consents: CustomerState['consents']): boolean {
  return consents.length === 0 || consents.some((consent) => consent.granted);
}
