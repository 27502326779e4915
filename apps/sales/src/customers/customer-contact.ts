import { CustomerState } from '@crm/contracts';
import { normalizePhone } from '@crm/search-keys';

/** What sales keeps of a customer to match new leads: name, phones (E.164) and emails (lower case). */
export interface CustomerContact {
  customerId: string;
  name: string;
  phones: string[];
  emails: string[];
}

export function toCustomerContact(state: CustomerState): CustomerContact {
  return {
    customerId: state.customerId,
    name: state.name,
    phones: state.phones.map((phone) => normalizePhone(phone)?.e164 ?? phone),
    emails: state.emails.map(normalizeEmail),
  };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const MATCH_FIELDS = ['phone', 'email', 'name'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** A known customer a new lead may be, and what they share. */
export interface CustomerMatch {
  customerId: string;
  matchedOn: MatchField[];
}
