import { Customer } from '../customers/customer';

export const ERASED_NAME = 'ERASED';

/** What is left of a person after erasure: the id, kind and history pointers, never personal data. */
export function anonymized(customer: Customer, now: string): Customer {
  return {
    ...customer,
    name: ERASED_NAME,
    nameLatin: null,
    phones: [],
    emails: [],
    address: null,
    birthday: null,
    gender: null,
    tags: [],
    ownerSalesRepId: null,
    consents: [],
    status: 'erased',
    version: customer.version + 1,
    updatedAt: now,
  };
}
