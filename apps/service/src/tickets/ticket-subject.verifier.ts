import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FieldError, InvalidInputError } from '@crm/core';
import { CustomerContactRepository } from '../customers/customer-contact.repository';
import { CustomerVehicleRepository } from '../customers/customer-vehicle.repository';
import { OpenTicketCommand } from './open-ticket.command';

const NOT_THEIRS = 'is not a vehicle of this customer';

/**
 * A caller's claims about who and what a ticket is for are checked against the customer master's replicas:
 * the customer must be known, the vehicle theirs, and the vehicle's facts (VIN, brand, selling dealer) come
 * from the replica. Naming a dealer grants it nothing: a selling dealer that is not the vehicle's is refused.
 */
@Injectable()
export class TicketSubjectVerifier {
  constructor(
    private readonly customers: CustomerContactRepository,
    private readonly vehicles: CustomerVehicleRepository,
  ) {}

  async verify(tx: EntityManager, command: OpenTicketCommand): Promise<OpenTicketCommand> {
    if (!(await this.customers.exists(tx, command.customerId)))
      throw new InvalidInputError([{ field: 'customerId', message: 'is not a known customer' }]);
    const named = command.vehicleId || command.vin;
    const vehicle = named ? await this.vehicles.find(tx, command) : null;
    const errors: FieldError[] = [];
    if (named && (!vehicle || vehicle.ownerCustomerId !== command.customerId))
      errors.push({ field: command.vehicleId ? 'vehicleId' : 'vin', message: NOT_THEIRS });
    else if (vehicle && command.vin && command.vin !== vehicle.vin)
      errors.push({ field: 'vin', message: NOT_THEIRS });
    if (command.sellingDealerId && command.sellingDealerId !== (vehicle?.sellingDealerId ?? null))
      errors.push({ field: 'sellingDealerId', message: 'is not the selling dealer of the vehicle' });
    if (errors.length) throw new InvalidInputError(errors);
    return {
      ...command,
      vehicleId: vehicle?.vehicleId ?? null,
      vin: vehicle?.vin ?? null,
      brand: vehicle?.brand ?? command.brand ?? null,
      sellingDealerId: vehicle?.sellingDealerId ?? null,
    };
  }
}
