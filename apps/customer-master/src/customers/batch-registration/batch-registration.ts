import { FieldError } from '@crm/core';
import { CreateCustomerDto } from '../dto/create-customer.dto';
import { RegisterVehicleDto } from '../../vehicles/dto/register-vehicle.dto';
import { DuplicateCandidate } from '../duplicate-finder';

/**
 * One row of a batch: a customer to register (or to match) and, optionally, a vehicle they own; or a vehicle
 * of a customer the caller knows by id (an active one it may see).
 */
export type BatchRow =
  | { customer: CreateCustomerDto; vehicle?: RegisterVehicleDto | null }
  | { customerId: string; vehicle: RegisterVehicleDto };

/**
 * How a row that probably is a stored customer is settled. `earliest`: it is the earliest of them (a legacy
 * import by an administrator). `unambiguous`: it is that customer only when there is exactly one and the
 * caller may see it, else the row is refused naming the candidates it may see (like the single 409).
 */
export type MatchPolicy = 'earliest' | 'unambiguous';

export interface BatchOptions {
  matching: MatchPolicy;
  /** A dealer or repair station registering its own customers gets linked to the new ones. */
  registeringPartnerId?: string;
}

/** What happened to one row; `vehicleId` is the row's vehicle (new or already the customer's), when it had one. */
export type BatchRowOutcome =
  | { status: 'created'; customerId: string; vehicleId: string | null }
  | { status: 'matched'; customerId: string; vehicleId: string | null; vehicleAdded: boolean }
  | { status: 'rejected'; error: FieldError; candidates?: DuplicateCandidate[] };

export const rejectedRow = (field: string, message: string, candidates?: DuplicateCandidate[]) =>
  ({ status: 'rejected', error: { field, message }, ...(candidates ? { candidates } : {}) }) as const;
