import { Injectable, OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { PartnerScopeRegistry } from '@crm/auth';
import { PartnerScopes } from '../partner-scopes/partner-scopes';
import { TicketRepository } from './ticket.repository';

/** Tells the shared auth guard which tickets a station or a dealer may see. */
@Injectable()
export class TicketPartnerScopesRegistration implements OnModuleInit {
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
  }
}
