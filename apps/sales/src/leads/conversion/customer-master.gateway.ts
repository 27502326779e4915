import { Inject, Injectable } from '@nestjs/common';
import {
  callCustomerMaster,
  createCustomerMasterClient,
  CustomerMasterClient,
  CustomerMasterUnavailableError,
  registerPerson,
} from '@crm/api-client';
import { ConflictError, ForbiddenError, InvalidInputError } from '@crm/core';
import { LEAD_SETTINGS, LeadSettings } from '../lead-settings';
import { Lead } from '../lead';

const WHAT_TO_DO = 'the lead was not converted, try again later';

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

  /**
   * The new customer's id, or the one duplicate the caller may see; several (or hidden) duplicates are a 409.
   * Keyed by the lead, so registering for the same lead again answers the customer registered the first time.
   */
  async registerFor(authorization: string, lead: Lead): Promise<string> {
    const registration = await registerPerson(this.client, authorization, lead, WHAT_TO_DO, {
      idempotencyKey: `lead:${lead.id}`,
    });
    if (registration.outcome === 'created') return registration.customerId;
    if (registration.outcome === 'refused') throw this.failure(registration.response);
    const { candidates } = registration;
    if (candidates.length === 1) return candidates[0].customerId;
    throw new ConflictError(
      candidates.length
        ? 'the lead may be one of these customers; convert again naming the right one as customerId'
        : 'the customer probably exists already under another dealer; ask the sales team to convert the lead',
      { candidates },
    );
  }

  /** Checks that the caller may see this customer in the customer master (the one they chose for the lead). */
  async confirmVisible(authorization: string, customerId: string): Promise<void> {
    const { response } = await callCustomerMaster(WHAT_TO_DO, (signal) =>
      this.client.GET('/customers/{id}', {
        params: { path: { id: customerId } },
        headers: { authorization },
        signal,
      }),
    );
    if (response.ok) return;
    if (response.status === 404)
      throw new InvalidInputError([{ field: 'customerId', message: 'is not a customer you can see' }]);
    throw this.failure(response);
  }

  private failure(response: Response): Error {
    if (response.status === 401 || response.status === 403)
      return new ForbiddenError('the customer master does not let you register customers');
    return new CustomerMasterUnavailableError(`HTTP ${response.status}`, WHAT_TO_DO);
  }
}
