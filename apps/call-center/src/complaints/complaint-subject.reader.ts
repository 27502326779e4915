import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GeoPoint } from '@crm/contracts';
import { InvalidInputError, NotFoundError } from '@crm/core';
import { CustomerReplicaRepository } from '../read-model/customer-replica.repository';
import { OwnedVehicle, VehicleReplicaRepository } from '../read-model/vehicle-replica.repository';

export interface ComplaintSubject {
  vehicle: OwnedVehicle | null;
  /** The given place, else the customer's address. */
  location: GeoPoint | null;
}

/** Checks what a complaint is about against the call center's copy: the customer and their vehicle. */
@Injectable()
export class ComplaintSubjectReader {
  constructor(
    private readonly customers: CustomerReplicaRepository,
    private readonly vehicles: VehicleReplicaRepository,
  ) {}

  async read(
    tx: EntityManager,
    customerId: string,
    vehicleId: string | undefined,
    location: GeoPoint | undefined,
  ): Promise<ComplaintSubject> {
    const customer = await this.customers.location(tx, customerId);
    if (!customer.found) throw new NotFoundError('customer', customerId);
    const vehicle = vehicleId ? await this.vehicles.findOwned(tx, vehicleId, customerId) : null;
    if (vehicleId && !vehicle) {
      throw new InvalidInputError([{ field: 'vehicleId', message: 'is not a vehicle of this customer' }]);
    }
    return { vehicle, location: location ?? customer.location };
  }
}
