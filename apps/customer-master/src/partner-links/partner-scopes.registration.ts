import { Injectable, OnModuleInit } from '@nestjs/common';
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

  onModuleInit(): void {
    this.registry.register('customer', (partnerId, customerId) => this.links.isLinked(partnerId, customerId));
    this.registry.register('vehicle', (partnerId, vehicleId) => this.vehicles.isSoldBy(partnerId, vehicleId));
    this.registry.register('partner', async (partnerId, id) => partnerId === id);
  }
}
