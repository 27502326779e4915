import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, ConflictError, InvalidInputError, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { Customer } from '../customers/customer';
import { CustomerRepository } from '../customers/customer.repository';
import { PartnerLinkRepository } from '../partner-links/partner-link.repository';
import { VehicleRepository } from '../vehicles/vehicle.repository';
import { VehicleEventPublisher } from '../vehicles/vehicle-event.publisher';
import { absorb, changedFields, retire } from './customer-absorption';
import { CustomerMergePublisher } from './customer-merge.publisher';

/** Folds a duplicate record into a survivor: data, vehicles and partner links, in one transaction. */
@Injectable()
export class CustomerMergeService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly vehicles: VehicleRepository,
    private readonly vehicleEvents: VehicleEventPublisher,
    private readonly links: PartnerLinkRepository,
    private readonly uow: UnitOfWork,
    private readonly publisher: CustomerMergePublisher,
    private readonly clock: Clock,
  ) {}

  async merge(survivorId: string, duplicateId: string): Promise<Customer> {
    if (survivorId === duplicateId) {
      throw new InvalidInputError([
        { field: 'duplicateId', message: 'must be another customer than the survivor' },
      ]);
    }
    return this.uow.run(async (tx) => {
      await this.customers.lock(tx, survivorId, duplicateId);
      const before = await this.requireActive(tx, survivorId, 'survivor');
      const duplicate = await this.requireActive(tx, duplicateId, 'duplicate');
      const now = this.clock.now().toISOString();
      const survivor = absorb(before, duplicate, now);
      const retired = retire(duplicate, survivorId, now);
      await this.customers.save(tx, retired);
      await this.customers.save(tx, survivor);
      const movedVehicleIds = await this.moveVehicles(tx, duplicateId, survivorId);
      await this.links.moveAll(tx, duplicateId, survivorId);
      const fields = changedFields(before, survivor);
      await this.publisher.merged(tx, { survivor, retired, movedVehicleIds, changedFields: fields });
      return survivor;
    });
  }

  private async requireActive(
    tx: EntityManager,
    id: string,
    role: 'survivor' | 'duplicate',
  ): Promise<Customer> {
    const customer = await this.customers.findById(id, tx);
    if (!customer) throw new NotFoundError('customer', id);
    if (customer.status !== 'active') {
      throw new ConflictError(
        `The ${role} customer ${id} is ${customer.status} already and cannot take part in a merge`,
      );
    }
    return customer;
  }

  private async moveVehicles(tx: EntityManager, fromId: string, toId: string): Promise<string[]> {
    const owned = await this.vehicles.ownedBy(fromId, tx);
    for (const vehicle of owned) await this.vehicleEvents.moveTo(tx, vehicle, toId, 'merge');
    return owned.map((vehicle) => vehicle.vehicleId);
  }
}
