import { Injectable, OnModuleInit } from '@nestjs/common';
import { PartnerScopeRegistry } from '@crm/auth';

/** The partner scope of a station's scorecard: a repair station reaches its own only. */
export const STATION_SCOPE = 'station';

@Injectable()
export class StationPartnerScopeRegistration implements OnModuleInit {
  constructor(private readonly registry: PartnerScopeRegistry) {}

  onModuleInit(): void {
    this.registry.register(STATION_SCOPE, async (partnerId, stationId) => partnerId === stationId);
  }
}
