import { Injectable, OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { PartnerScopeRegistry } from '@crm/auth';
import { VehicleRepository } from '../vehicles/vehicle.repository';
import { PartnerLinkRepository } from './partner-link.repository';

/** Tells the shared auth guard how customer-master's records are linked to partners. */
@Injectable()
export class PartnerScopesRegistration implements OnModuleInit {
  constructor(
    private readonly registry: PartnerScopeRegistry,
    private readonly links: PartnerLinkRepository,
    private readonly vehicles: VehicleRepository,
  ) {}

  /** A malformed id goes on to the route's UUID pipe, which answers 400 and reveals nothing. */
  onModuleInit(): void {
    this.registry.register(
      'customer',
      async (partnerId, customerId) => !isUUID(customerId) || this.links.isLinked(partnerId, customerId),
    );
    this.registry.register(
      'vehicle',
      async (partnerId, vehicleId) => !isUUID(vehicleId) || this.vehicles.isSoldBy(partnerId, vehicleId),
    );
    this.registry.register('partner', async (partnerId, id) => partnerId === id);
  }
}
