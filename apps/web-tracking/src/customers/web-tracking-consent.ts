import { CustomerState } from '@crm/contracts';

/**
 * Whether the customer master lets the website track a customer (ADR 0055). Their own `web` decision settles it,
 * whatever their marketing consents say. Without one (never asked, or an event from before the channel) the old
 * reading holds (ADR 0044): contact consents on record and every one withdrawn is a no to marketing and to tracking;
 * no record at all leaves it to the site's banner.
 */
export function allowsWebTracking(customer: Pick<CustomerState, 'consents' | 'webConsent'>): boolean {
  if (customer.webConsent) return customer.webConsent.granted;
  return customer.consents.length === 0 || customer.consents.some((consent) => consent.granted);
}
