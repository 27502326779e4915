import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VehicleOwnershipChanged } from '@crm/contracts';
import { Clock, IdGenerator } from '@crm/core';
import { EventFactory, Outbox } from '@crm/messaging';
import { RegisterVehicleDto } from './dto/register-vehicle.dto';
import { toVehicleState, Vehicle } from './vehicle';
import { VehicleRepository } from './vehicle.repository';

/** Builds vehicles and writes their ownership changes; shared by registration, transfer and merges. */
@Injectable()
export class VehicleEventPublisher {
  constructor(
    private readonly vehicles: VehicleRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  newVehicle(ownerCustomerId: string, vin: string, input: RegisterVehicleDto): Vehicle {
    const now = this.clock.now().toISOString();
    return {
      vehicleId: this.ids.next(),
      vin,
      brand: input.brand,
      model: input.model,
      modelYear: input.modelYear ?? null,
      purchaseDate: input.purchaseDate ?? null,
      sellingDealerId: input.sellingDealerId ?? null,
      warrantyEnd: input.warrantyEnd ?? null,
      ownerCustomerId,
      createdAt: now,
      updatedAt: now,
    };
  }

  async moveTo(
    tx: EntityManager,
    vehicle: Vehicle,
    newOwnerId: string,
    reason: 'transfer' | 'merge',
  ): Promise<Vehicle> {
    const moved = { ...vehicle, ownerCustomerId: newOwnerId, updatedAt: this.clock.now().toISOString() };
    await this.vehicles.save(tx, moved);
    const payload = { ...toVehicleState(moved), previousOwnerCustomerId: vehicle.ownerCustomerId, reason };
    await this.outbox.add(tx, this.events.create(VehicleOwnershipChanged, vehicle.vehicleId, payload));
    return moved;
  }
}
