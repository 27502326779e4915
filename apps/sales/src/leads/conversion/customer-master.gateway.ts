import { Inject, Injectable } from '@nestjs/common';
import { createCustomerMasterClient, CustomerMasterClient } from '@crm/api-client';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError } from '@crm/core';
import { LEAD_SETTINGS, LeadSettings } from '../lead-settings';
import { Lead } from '../lead';

const CALL_TIMEOUT_MS = 5_000;

export class CustomerMasterUnavailableError extends DomainError {
  readonly status = 503;
  readonly title = 'Customer master unavailable';
  constructor(reason: string) {
    super(`the customer master did not answer (${reason}); the lead was not converted, try again later`);
  }
}

/** A customer customer-master thinks the lead may already be, as it showed it to the caller. */
export interface DuplicateCandidate {
  customerId: string;
  name: string;
  reasons: string[];
}

/**
 * customer-master's customer API, called on behalf of the caller with their own bearer token, so its
 * duplicate rules and partner visibility apply exactly as if they had registered the customer there
 * (ADR 0018). Every failure to get an answer is a 503; nothing here retries.
 */
@Injectable()
export class CustomerMasterGateway {
  private readonly client: CustomerMasterClient;

  constructor(@Inject(LEAD_SETTINGS) settings: LeadSettings) {
    this.client = createCustomerMasterClient({ baseUrl: settings.customerMasterUrl });
  }

  /** The new customer's id, or the one duplicate the caller may see; several (or hidden) duplicates are a 409. */
  async registerFor(authorization: string, lead: Lead): Promise<string> {
    const { data, error, response } = await this.call(() =>
      this.client.POST('/customers', {
        body: {
          kind: 'person',
          name: lead.name,
          ...(lead.phone ? { phones: [lead.phone] } : {}),
          ...(lead.email ? { emails: [lead.email] } : {}),
        },
        headers: { authorization },
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      }),
    );
    if (data) return data.id;
    if (response.status === 409) {
      const candidates = ((error as { candidates?: DuplicateCandidate[] }).candidates ?? []).map(
        ({ customerId, name, reasons }) => ({ customerId, name, reasons }),
      );
      if (candidates.length === 1) return candidates[0].customerId;
      throw new ConflictError(
        candidates.length
          ? 'the lead may be one of these customers; convert again naming the right one as customerId'
          : 'the customer probably exists already under another dealer; ask the sales team to convert the lead',
        { candidates },
      );
    }
    throw this.failure(response);
  }

  /** Checks that the caller may see this customer in the customer master (the one they chose for the lead). */
  async confirmVisible(authorization: string, customerId: string): Promise<void> {
    const { response } = await this.call(() =>
      this.client.GET('/customers/{id}', {
        params: { path: { id: customerId } },
        headers: { authorization },
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      }),
    );
    if (response.ok) return;
    if (response.status === 404)
      throw new InvalidInputError([{ field: 'customerId', message: 'is not a customer you can see' }]);
    throw this.failure(response);
  }

  private async call<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw new CustomerMasterUnavailableError(
        (error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable',
      );
    }
  }

  private failure(response: Response): Error {
    if (response.status === 401 || response.status === 403)
      return new ForbiddenError('the customer master does not let you register customers');
    return new CustomerMasterUnavailableError(`HTTP ${response.status}`);
  }
}
