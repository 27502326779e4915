import { CustomerMatch } from '../customers/customer-contact';

export interface LeadCustomerMatch {
  /** The customer the lead is linked to, when exactly one fits. */
  customerId: string | null;
  /** Whom the lead may be when no single customer fits (empty when linked or when nobody matched). */
  candidates: CustomerMatch[];
}

/**
 * A phone or email shared with exactly one customer links the lead; among several such customers the
 * one that also has the lead's name wins when it is the only one. A name alone never links (names
 * repeat), it only makes a candidate.
 */
export function matchLeadToCustomer(matches: CustomerMatch[]): LeadCustomerMatch {
  const byContact = matches.filter((m) => m.matchedOn.includes('phone') || m.matchedOn.includes('email'));
  const byContactAndName = byContact.filter((m) => m.matchedOn.includes('name'));
  const single =
    byContact.length === 1 ? byContact[0] : byContactAndName.length === 1 ? byContactAndName[0] : null;
  return single
    ? { customerId: single.customerId, candidates: [] }
    : { customerId: null, candidates: matches };
}
