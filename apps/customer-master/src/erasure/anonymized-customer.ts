import { Customer, noPersonalData } from '../customers/customer';

export const ERASED_NAME = 'ERASED';

/** What is left of a person after erasure: the id, kind and history pointers, never personal data. */
export function anonymized(customer: Customer, now: string): Customer {
  return {
    ...customer,
    name: ERASED_NAME,
    ...noPersonalData(),
    status: 'erased',
    version: customer.version + 1,
    updatedAt: now,
  };
}
