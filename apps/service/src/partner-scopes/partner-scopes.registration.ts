import { Injectable, OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { PartnerScopeRegistry } from '@crm/auth';
import { TicketRepository } from '../tickets/ticket.repository';

export const PartnerScopes = {
  /** A ticket currently assigned to the calling station. */
  assignedTicket: 'ticket',
  /** A ticket about a vehicle the calling dealer sold. */
  soldTicket: 'sold-ticket',
  station: 'station',
} as const;

/** Tells the shared auth guard how the service app's records are linked to partners. */
@Injectable()
export class PartnerScopesRegistration implements OnModuleInit {
  constructor(
    private readonly registry: PartnerScopeRegistry,
    private readonly tickets: TicketRepository,
  ) {}

  /** A malformed id is let through to the pipe, which answers 400 and reveals nothing; querying it would fail. */
  onModuleInit(): void {
    this.registry.register(
      PartnerScopes.assignedTicket,
      async (stationId, id) => !isUUID(id) || this.tickets.isAssignedTo(stationId, id),
    );
    this.registry.register(
      PartnerScopes.soldTicket,
      async (dealerId, id) => !isUUID(id) || this.tickets.isSoldBy(dealerId, id),
    );
    this.registry.register(PartnerScopes.station, async (partnerId, id) => partnerId === id);
  }
}
