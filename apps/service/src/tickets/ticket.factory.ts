import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, IdGenerator } from '@crm/core';
import { CustomerLocationRepository } from '../customers/customer-location.repository';
import { SlaPolicy } from '../sla-policy/sla-policy';
import { defaultSeverityOf } from '../taxonomy/quality-type-catalog';
import { OpenTicketCommand } from './open-ticket.command';
import { formatTicketNumber, Ticket } from './ticket';
import { TicketRepository } from './ticket.repository';

const UNSET = {
  stationId: null,
  routedAt: null,
  acceptedAt: null,
  resolvedAt: null,
  closedAt: null,
  appointmentAt: null,
  responseDueAt: null,
  responseBreachedAt: null,
  resolutionBreachedAt: null,
  escalatedAt: null,
  escalated: false,
  satisfaction: null,
} as const;

/**
 * Builds and stores a new ticket, located where the car broke down or else where the customer lives; a second
 * command with the same ticket id gets the first ticket back.
 */
@Injectable()
export class TicketFactory {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly customerLocations: CustomerLocationRepository,
    private readonly sla: SlaPolicy,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(tx: EntityManager, c: OpenTicketCommand): Promise<{ ticket: Ticket; created: boolean }> {
    const ticketId = c.ticketId ?? this.ids.next();
    const existing = await this.tickets.findById(ticketId, tx);
    if (existing) return { ticket: existing, created: false };
    const openedAt = this.clock.now();
    const severity = c.severity ?? defaultSeverityOf(c.qualityType);
    const ticket: Ticket = {
      ...UNSET,
      ticketId,
      ticketNumber: formatTicketNumber(openedAt, await this.tickets.nextSequence(tx)),
      interactionId: c.interactionId ?? null,
      customerId: c.customerId,
      vehicleId: c.vehicleId ?? null,
      vin: c.vin ?? null,
      brand: c.brand ?? null,
      sellingDealerId: c.sellingDealerId ?? null,
      qualityType: c.qualityType,
      severity,
      status: 'new',
      description: c.description,
      channel: c.channel,
      location: c.location ?? (await this.customerLocations.find(tx, c.customerId)),
      openedAt: openedAt.toISOString(),
      resolutionDueAt: this.sla.resolutionDue(openedAt, severity).toISOString(),
    };
    const created = await this.tickets.insert(tx, ticket);
    return created
      ? { ticket, created }
      : { ticket: (await this.tickets.findById(ticketId, tx)) as Ticket, created };
  }
}
