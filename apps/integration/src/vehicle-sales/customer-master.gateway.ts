import { Inject, Injectable } from '@nestjs/common';
import {
  callCustomerMaster,
  createCustomerMasterClient,
  CustomerMasterClient,
  CustomerMasterUnavailableError,
  registerPerson,
} from '@crm/api-client';
import { ConflictError, FieldError, ForbiddenError, InvalidInputError } from '@crm/core';
import { INBOUND_SETTINGS, InboundSettings } from './inbound-settings';
import { VehicleSaleBuyerDto } from './dto/vehicle-sale-row.dto';

const WHAT_TO_DO = 'send the row again later';

export interface Registered {
  id: string;
  /** The customer master knew it already (a duplicate it matched, or the vehicle's VIN). */
  existed: boolean;
}

export interface SoldVehicle {
  vin: string;
  brand: string;
  model: string;
  soldOn: string;
  dealerId: string;
}

/** customer-master's field names as the inbound row names them. */
const CUSTOMER_FIELDS: [RegExp, string][] = [
  [/^phones/, 'buyer.phone'],
  [/^emails/, 'buyer.email'],
  [/^name/, 'buyer.name'],
];
const VEHICLE_FIELDS: [RegExp, string][] = [
  [/^purchaseDate/, 'soldOn'],
  [/^sellingDealerId/, 'dealerId'],
];

/**
 * customer-master's API, called on behalf of the caller with their own bearer token (as sales converts a
 * lead, ADR 0018), so its duplicate rules and partner visibility decide. Every failure to get an answer
 * is a 503; nothing here retries.
 */
@Injectable()
export class CustomerMasterGateway {
  private readonly client: CustomerMasterClient;

  constructor(@Inject(INBOUND_SETTINGS) settings: InboundSettings) {
    this.client = createCustomerMasterClient({ baseUrl: settings.customerMasterUrl });
  }

  /** The new customer, or the one duplicate the caller may see; several (or hidden) duplicates are a 409. */
  async registerCustomer(authorization: string, buyer: VehicleSaleBuyerDto): Promise<Registered> {
    const registration = await registerPerson(this.client, authorization, buyer, WHAT_TO_DO);
    if (registration.outcome === 'created') return { id: registration.customerId, existed: false };
    if (registration.outcome === 'refused')
      throw this.failure(registration.response, registration.error, CUSTOMER_FIELDS);
    const { candidates } = registration;
    if (candidates.length === 1) return { id: candidates[0].customerId, existed: true };
    throw new ConflictError(
      candidates.length
        ? `the buyer may be one of ${candidates.length} customers; register them in the CRM and send the row again`
        : 'the buyer probably exists already under another dealer; ask the manufacturer to link them',
      { field: 'buyer' },
    );
  }

  /** The new vehicle, or the customer's own vehicle with this VIN; a VIN someone else owns is a 409. */
  async registerVehicle(authorization: string, customerId: string, sale: SoldVehicle): Promise<Registered> {
    const { data, error, response } = await callCustomerMaster(WHAT_TO_DO, (signal) =>
      this.client.POST('/customers/{id}/vehicles', {
        params: { path: { id: customerId } },
        body: {
          vin: sale.vin,
          brand: sale.brand,
          model: sale.model,
          purchaseDate: sale.soldOn,
          sellingDealerId: sale.dealerId,
        },
        headers: { authorization },
        signal,
      }),
    );
    if (data) return { id: data.vehicleId, existed: false };
    if (response.status === 409) return this.ownVehicleWithVin(authorization, customerId, sale.vin);
    if (response.status === 404)
      throw new ConflictError('the buyer is no longer an active customer in the CRM (merged or erased)', {
        field: 'buyer.externalCustomerId',
      });
    throw this.failure(response, error, VEHICLE_FIELDS);
  }

  /** Whether the caller may see this active customer (customer-master's partner scoping decides). */
  async customerVisible(authorization: string, customerId: string): Promise<boolean> {
    const { data, error, response } = await callCustomerMaster(WHAT_TO_DO, (signal) =>
      this.client.GET('/customers/{id}', {
        params: { path: { id: customerId } },
        headers: { authorization },
        signal,
      }),
    );
    if (data) return true;
    if ([403, 404, 410].includes(response.status)) return false;
    throw this.failure(response, error, []);
  }

  /** A dealer's id by its code, or null when no dealer has it. */
  async dealerIdByCode(authorization: string, code: string): Promise<string | null> {
    const { data, error, response } = await callCustomerMaster(WHAT_TO_DO, (signal) =>
      this.client.GET('/partners', {
        params: { query: { kind: 'dealer', code, limit: 1 } },
        headers: { authorization },
        signal,
      }),
    );
    if (data) return data.items[0]?.partnerId ?? null;
    throw this.failure(response, error, []);
  }

  /** The calling partner's own code. */
  async partnerCode(authorization: string, partnerId: string): Promise<string> {
    const { data, error, response } = await callCustomerMaster(WHAT_TO_DO, (signal) =>
      this.client.GET('/partners/{id}', {
        params: { path: { id: partnerId } },
        headers: { authorization },
        signal,
      }),
    );
    if (data) return data.code;
    throw this.failure(response, error, []);
  }

  private async ownVehicleWithVin(
    authorization: string,
    customerId: string,
    vin: string,
  ): Promise<Registered> {
    const { data, error, response } = await callCustomerMaster(WHAT_TO_DO, (signal) =>
      this.client.GET('/customers/{id}/vehicles', {
        params: { path: { id: customerId } },
        headers: { authorization },
        signal,
      }),
    );
    if (!data) throw this.failure(response, error, VEHICLE_FIELDS);
    const own = data.items.find((vehicle) => vehicle.vin === vin.trim().toUpperCase());
    if (own) return { id: own.vehicleId, existed: true };
    throw new ConflictError(`vehicle ${vin} is registered already to another customer`, { field: 'vin' });
  }

  private failure(response: Response, error: unknown, fields: [RegExp, string][]): Error {
    if (response.status === 400) return new InvalidInputError(renamed(error, fields));
    if (response.status === 401 || response.status === 403)
      return new ForbiddenError('the customer master does not let you register this sale');
    return new CustomerMasterUnavailableError(`HTTP ${response.status}`, WHAT_TO_DO);
  }
}

function renamed(error: unknown, fields: [RegExp, string][]): FieldError[] {
  const errors = (error as { errors?: FieldError[] } | undefined)?.errors ?? [];
  return errors.map(({ field, message }) => ({
    field: fields.find(([pattern]) => pattern.test(field))?.[1] ?? field,
    message,
  }));
}
