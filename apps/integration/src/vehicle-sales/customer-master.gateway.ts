import { Inject, Injectable } from '@nestjs/common';
import {
  callCustomerMaster,
  createCustomerMasterClient,
  CustomerMasterClient,
  CustomerMasterUnavailableError,
} from '@crm/api-client';
import { ConflictError, DomainError, FieldError, ForbiddenError, InvalidInputError } from '@crm/core';
import { INBOUND_SETTINGS, InboundSettings } from './inbound-settings';
import { VehicleSaleBuyerDto } from './dto/vehicle-sale-row.dto';

const WHAT_TO_DO = 'send the row again later';

/** A batch of 1,000 rows is one transaction in customer-master; on a loaded machine it takes seconds. */
const BATCH_TIMEOUT_MS = 30_000;

/** A row's buyer and vehicle in customer-master. */
export interface Registered {
  customerId: string;
  vehicleId: string;
  /** The customer master knew the buyer already (a duplicate it matched, or the customer the row named). */
  existed: boolean;
}

export interface SoldVehicle {
  vin: string;
  brand: string;
  model: string;
  soldOn: string;
  dealerId: string;
}

/** A sale to register: its buyer, as a new person or the customer their DMS id is mapped to, and the vehicle. */
export interface BuyerVehicle {
  buyer: VehicleSaleBuyerDto | { customerId: string };
  vehicle: SoldVehicle;
}

/** customer-master's field names as the inbound row names them. */
const ROW_FIELDS: [RegExp, string][] = [
  [/^customer\.phones/, 'buyer.phone'],
  [/^customer\.emails/, 'buyer.email'],
  [/^customer\.name/, 'buyer.name'],
  [/^customer$/, 'buyer'],
  [/^customerId$/, 'buyer.externalCustomerId'],
  [/^vehicle\.vin/, 'vin'],
  [/^vehicle\.purchaseDate/, 'soldOn'],
  [/^vehicle\.sellingDealerId/, 'dealerId'],
];
/** Refusals about who the buyer is or whose the VIN is are conflicts (409 alone); the rest bad input (400). */
const CONFLICT_FIELDS = ['buyer', 'buyer.externalCustomerId', 'vin'];

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

  /**
   * Registers a whole batch of buyers and their vehicles in one call (ADR 0049): each row answered created,
   * matched or rejected (a rejection as the error the single registration would have answered).
   */
  async registerBatch(authorization: string, rows: BuyerVehicle[]): Promise<(Registered | DomainError)[]> {
    const { data, error, response } = await callCustomerMaster(
      WHAT_TO_DO,
      (signal) =>
        this.client.POST('/customers:batch-register', {
          body: { rows: rows.map(toBatchRow) },
          headers: { authorization },
          signal,
        }),
      BATCH_TIMEOUT_MS,
    );
    if (!data) throw this.failure(response, error, []);
    return data.rows.map((row) =>
      row.status === 'rejected'
        ? rowError(row.errors)
        : {
            customerId: row.customerId as string,
            vehicleId: row.vehicleId as string,
            existed: row.status === 'matched',
          },
    );
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

  private failure(response: Response, error: unknown, fields: [RegExp, string][]): Error {
    if (response.status === 400) return new InvalidInputError(renamed(error, fields));
    if (response.status === 401 || response.status === 403)
      return new ForbiddenError('the customer master does not let you register this sale');
    return new CustomerMasterUnavailableError(`HTTP ${response.status}`, WHAT_TO_DO);
  }
}

function toBatchRow({ buyer, vehicle }: BuyerVehicle) {
  const soldVehicle = {
    vin: vehicle.vin,
    brand: vehicle.brand,
    model: vehicle.model,
    purchaseDate: vehicle.soldOn,
    sellingDealerId: vehicle.dealerId,
  };
  if ('customerId' in buyer) return { customerId: buyer.customerId, vehicle: soldVehicle };
  return {
    customer: {
      kind: 'person' as const,
      name: buyer.name,
      ...(buyer.phone ? { phones: [buyer.phone] } : {}),
      ...(buyer.email ? { emails: [buyer.email] } : {}),
    },
    vehicle: soldVehicle,
  };
}

function rowError(problems: { field: string; reason: string }[]): DomainError {
  const errors = renamed(
    { errors: problems.map(({ field, reason }) => ({ field, message: reason })) },
    ROW_FIELDS,
  );
  const conflict = errors.find((e) => CONFLICT_FIELDS.includes(e.field));
  return conflict
    ? new ConflictError(`${conflict.field} ${conflict.message}`, { field: conflict.field })
    : new InvalidInputError(errors);
}

function renamed(error: unknown, fields: [RegExp, string][]): FieldError[] {
  const errors = (error as { errors?: FieldError[] } | undefined)?.errors ?? [];
  return errors.map(({ field, message }) => ({
    field: fields.find(([pattern]) => pattern.test(field))?.[1] ?? field,
    message,
  }));
}
