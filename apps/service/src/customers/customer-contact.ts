import { ContactChannel, CustomerState } from '@crm/contracts';

/** What notifications need from the customer master: where to reach the customer, and on which channels they agreed. */
export interface CustomerContact {
  customerId: string;
  /** Shown to staff beside the customer's tickets; null for a record kept before names were (no event since). */
  name: string | null;
  phones: string[];
  emails: string[];
  consentedChannels: ContactChannel[];
}

type Consent = CustomerState['consents'][number];

/** The latest decision per channel counts (a later withdrawal beats an earlier grant); no decision is no consent. */
export function consentedChannels(consents: Consent[]): ContactChannel[] {
  const latest = new Map<ContactChannel, Consent>();
  for (const consent of consents) {
    const known = latest.get(consent.channel);
    if (!known || Date.parse(consent.at) >= Date.parse(known.at)) latest.set(consent.channel, consent);
  }
  return [...latest.values()].filter((consent) => consent.granted).map((consent) => consent.channel);
}

export function toCustomerContact(state: CustomerState): CustomerContact {
  return {
    customerId: state.customerId,
    name: state.name,
    phones: state.phones,
    emails: state.emails,
    consentedChannels: consentedChannels(state.consents),
  };
}
