import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, IdGenerator, InvalidInputError } from '@crm/core';
import { PartnerRepository } from '../../partners/partner.repository';
import { RegisterVehicleDto } from '../../vehicles/dto/register-vehicle.dto';
import { checkedVin, Vehicle } from '../../vehicles/vehicle';
import { VehicleEventPublisher } from '../../vehicles/vehicle-event.publisher';
import { Customer } from '../customer';
import { CustomerRepository } from '../customer.repository';
import { newCustomer } from '../customer-draft';
import { BatchRow, BatchRowOutcome, rejectedRow } from './batch-registration';

/** A row ready to settle: a new customer (who may turn out to be stored already), or a customer known by id. */
export type Draft =
  { customer: Customer; vehicle: Vehicle | null } | { knownCustomerId: string; vehicle: Vehicle };

/**
 * Builds each row's new customer and vehicle exactly as the single registrations do (normalized phones and
 * emails, checked VIN, a registered dealer), or the first problem that refuses the row, named as in the request.
 */
@Injectable()
export class BatchRowDrafter {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly partners: PartnerRepository,
    private readonly vehicles: VehicleEventPublisher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async draft(tx: EntityManager, rows: BatchRow[], partnerId?: string): Promise<(Draft | BatchRowOutcome)[]> {
    const dealers = await this.partners.dealerIdsAmong(tx, [
      ...new Set(rows.flatMap((row) => row.vehicle?.sellingDealerId ?? [])),
    ]);
    const known = await this.customers.activeAmong(
      tx,
      rows.flatMap((row) => ('customerId' in row ? [row.customerId] : [])),
      partnerId ?? null,
    );
    const now = this.clock.now().toISOString();
    return rows.map((row) => {
      const dealerId = row.vehicle?.sellingDealerId;
      if (dealerId && !dealers.has(dealerId))
        return rejectedRow('vehicle.sellingDealerId', 'is not a registered dealer');
      if ('customerId' in row && !known.has(row.customerId))
        return rejectedRow('customerId', 'is not an active customer you may see (merged, erased or unknown)');
      try {
        if ('customerId' in row)
          return { knownCustomerId: row.customerId, vehicle: this.vehicleOf(row.customerId, row.vehicle) };
        const customer = within('customer', () => newCustomer(this.ids.next(), row.customer, now));
        return { customer, vehicle: row.vehicle ? this.vehicleOf(customer.id, row.vehicle) : null };
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return rejectedRow(error.errors[0].field, error.errors[0].message);
      }
    });
  }

  private vehicleOf(ownerId: string, input: RegisterVehicleDto): Vehicle {
    return within('vehicle', () => this.vehicles.newVehicle(ownerId, checkedVin(input.vin), input));
  }
}

/** Runs the work, naming the fields of a 400 it throws under `part` (`customer.phones.0`). */
function within<T>(part: 'customer' | 'vehicle', work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    throw new InvalidInputError(error.errors.map((e) => ({ ...e, field: `${part}.${e.field}` })));
  }
}

export function isDraft(drafted: Draft | BatchRowOutcome): drafted is Draft {
  return !('status' in drafted);
}

export function isNewCustomer(draft: Draft): draft is Extract<Draft, { customer: Customer }> {
  return 'customer' in draft;
}
