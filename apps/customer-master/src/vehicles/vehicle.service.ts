import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, normalizeVin, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { AuditLog } from '../audit/audit-log';
import { conflictOnUniqueViolation } from '../shared/unique-violation';
import { CustomerRepository } from '../customers/customer.repository';
import { RegistrationWriter } from '../customers/batch-registration/registration.writer';
import { PartnerRepository } from '../partners/partner.repository';
import { RegisterVehicleDto } from './dto/register-vehicle.dto';
import { checkedVin, Vehicle } from './vehicle';
import { VehicleEventPublisher } from './vehicle-event.publisher';
import { VehicleRepository } from './vehicle.repository';

/** Vehicles owned by customers: registration, and moving them to another owner. */
@Injectable()
export class VehicleService {
  constructor(
    private readonly vehicles: VehicleRepository,
    private readonly customers: CustomerRepository,
    private readonly partners: PartnerRepository,
    private readonly registrations: RegistrationWriter,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    private readonly publisher: VehicleEventPublisher,
  ) {}

  async register(customerId: string, input: RegisterVehicleDto): Promise<Vehicle> {
    return conflictOnUniqueViolation(
      () => this.uow.run((tx) => this.registerWithin(tx, customerId, input)),
      () => `Vehicle ${normalizeVin(input.vin)} is registered already`,
    );
  }

  private async registerWithin(
    tx: EntityManager,
    customerId: string,
    input: RegisterVehicleDto,
  ): Promise<Vehicle> {
    const vin = checkedVin(input.vin);
    await this.requireActiveCustomer(tx, customerId);
    if (input.sellingDealerId) await this.requireDealer(tx, input.sellingDealerId);
    if (await this.vehicles.findByVin(vin, tx))
      throw new ConflictError(`Vehicle ${vin} is registered already`, { field: 'vin' });
    const vehicle = this.publisher.newVehicle(customerId, vin, input);
    await this.registrations.write(tx, { customers: [], vehicles: [vehicle] });
    return vehicle;
  }

  async get(id: string): Promise<Vehicle> {
    const vehicle = await this.vehicles.findById(id);
    if (!vehicle) throw new NotFoundError('vehicle', id);
    return vehicle;
  }

  async ownedBy(customerId: string): Promise<Vehicle[]> {
    return this.vehicles.ownedBy(customerId);
  }

  soldBy(dealerId: string, query: { search?: string; limit: number; offset: number }): Promise<Vehicle[]> {
    return this.vehicles.soldBy(dealerId, query);
  }

  async transfer(vehicleId: string, newOwnerId: string): Promise<Vehicle> {
    return this.uow.run(async (tx) => {
      const vehicle = await this.vehicles.findById(vehicleId, tx);
      if (!vehicle) throw new NotFoundError('vehicle', vehicleId);
      await this.requireActiveCustomer(tx, newOwnerId);
      const moved = await this.publisher.moveTo(tx, vehicle, newOwnerId, 'transfer');
      await this.audit.record(tx, {
        action: 'vehicle.ownership-changed',
        entityType: 'vehicle',
        entityId: vehicleId,
      });
      return moved;
    });
  }

  private async requireActiveCustomer(tx: EntityManager, customerId: string): Promise<void> {
    const customer = await this.customers.findById(customerId, tx);
    if (!customer || customer.status !== 'active') throw new NotFoundError('customer', customerId);
  }

  private async requireDealer(tx: EntityManager, partnerId: string): Promise<void> {
    const partner = await this.partners.findById(partnerId, tx);
    if (!partner || partner.kind !== 'dealer') {
      throw new InvalidInputError([{ field: 'sellingDealerId', message: 'is not a registered dealer' }]);
    }
  }
}
