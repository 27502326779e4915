import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, IdGenerator, InvalidInputError } from '@crm/core';
import { PartnerRepository } from '../../partners/partner.repository';
import { checkedVin, Vehicle } from '../../vehicles/vehicle';
import { VehicleEventPublisher } from '../../vehicles/vehicle-event.publisher';
import { Customer } from '../customer';
import { newCustomer } from '../customer-draft';
import { BatchRow, BatchRowOutcome, rejectedRow } from './batch-registration';

export type Draft = { customer: Customer; vehicle: Vehicle | null };

/**
 * Builds each row's new customer and vehicle exactly as the single registrations do (normalized phones and
 * emails, checked VIN), or the first problem that refuses the row, field named as in the request.
 */
@Injectable()
export class BatchRowDrafter {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly vehicles: VehicleEventPublisher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async draft(tx: EntityManager, rows: BatchRow[]): Promise<(Draft | BatchRowOutcome)[]> {
    const dealerIds = [...new Set(rows.flatMap((row) => row.vehicle?.sellingDealerId ?? []))];
    const dealers = await this.partners.dealerIdsAmong(tx, dealerIds);
    const now = this.clock.now().toISOString();
    return rows.map((row) => {
      const dealerId = row.vehicle?.sellingDealerId;
      if (dealerId && !dealers.has(dealerId))
        return rejectedRow('vehicle.sellingDealerId', 'is not a registered dealer');
      try {
        const customer = within('customer', () => newCustomer(this.ids.next(), row.customer, now));
        const input = row.vehicle;
        const vehicle =
          input &&
          within('vehicle', () => this.vehicles.newVehicle(customer.id, checkedVin(input.vin), input));
        return { customer, vehicle: vehicle ?? null };
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return rejectedRow(error.errors[0].field, error.errors[0].message);
      }
    });
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
  return 'customer' in drafted;
}
