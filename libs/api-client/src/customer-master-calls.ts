import { DomainError } from '@crm/core';
import type { CustomerMasterClient } from './generated';

const CALL_TIMEOUT_MS = 5_000;

/** customer-master gave no answer (timeout, unreachable, or a 5xx): nothing was decided, so trying again is safe. */
export class CustomerMasterUnavailableError extends DomainError {
  readonly status = 503;
  readonly title = 'Customer master unavailable';
  constructor(reason: string, whatToDo: string) {
    super(`the customer master did not answer (${reason}); ${whatToDo}`);
  }
}

/**
 * Calls customer-master on behalf of the caller, so its duplicate rules and partner visibility decide
 * (ADR 0018). Gives up after 5 s (or `timeoutMs`); no answer is a CustomerMasterUnavailableError. Nothing here retries.
 */
export async function callCustomerMaster<T>(
  whatToDo: string,
  send: (signal: AbortSignal) => Promise<T>,
  timeoutMs = CALL_TIMEOUT_MS,
): Promise<T> {
  try {
    return await send(AbortSignal.timeout(timeoutMs));
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable';
    throw new CustomerMasterUnavailableError(reason, whatToDo);
  }
}

/** A customer customer-master thinks the person may already be, as it showed it to the caller. */
export interface DuplicateCandidate {
  customerId: string;
  name: string;
  reasons: string[];
}

export interface PersonToRegister {
  name: string;
  phone?: string | null;
  email?: string | null;
}

/** Sent again under the same key, the registration answers the customer the first one made. */
export interface RegistrationOptions {
  idempotencyKey?: string;
}

export type PersonRegistration =
  | { outcome: 'created'; customerId: string }
  | { outcome: 'duplicates'; candidates: DuplicateCandidate[] }
  | { outcome: 'refused'; response: Response; error: unknown };

/** Registers a person; a 409 names the duplicates the caller may see (none when they are hidden from them). */
export async function registerPerson(
  client: CustomerMasterClient,
  authorization: string,
  person: PersonToRegister,
  whatToDo: string,
  { idempotencyKey }: RegistrationOptions = {},
): Promise<PersonRegistration> {
  const { data, error, response } = await callCustomerMaster(whatToDo, (signal) =>
    client.POST('/customers', {
      body: {
        kind: 'person',
        name: person.name,
        ...(person.phone ? { phones: [person.phone] } : {}),
        ...(person.email ? { emails: [person.email] } : {}),
      },
      headers: { authorization, ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) },
      signal,
    }),
  );
  if (data) return { outcome: 'created', customerId: data.id };
  if (response.status !== 409) return { outcome: 'refused', response, error };
  const candidates = ((error as { candidates?: DuplicateCandidate[] }).candidates ?? []).map(
    ({ customerId, name, reasons }) => ({ customerId, name, reasons }),
  );
  return { outcome: 'duplicates', candidates };
}
