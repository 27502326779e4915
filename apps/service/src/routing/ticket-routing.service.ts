import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketDeclined, TicketRouted, TicketRoutingFailed } from '@crm/contracts';
import { SlaPolicy } from '../sla-policy/sla-policy';
import { Ticket } from '../tickets/ticket';
import { TicketEvents } from '../tickets/ticket-events';
import { JournalEntry, TicketJournal } from '../tickets/ticket-journal';
import { assertCanStep } from '../tickets/ticket-lifecycle';
import { Station } from '../stations/station';
import { ROUTING_RADII_KM, RoutingDecision } from './routing-need';
import { ManualStationAssignment } from './manual-station-assignment';
import { Assignment, StationAssignment } from './station-assignment';

const FAILURE_REASONS: Record<Exclude<RoutingDecision['outcome'], 'routed'>, string> = {
  'no-location': 'neither the ticket nor the customer has a location to route from',
  'no-station': `no active station with the skill, brand and capacity within ${ROUTING_RADII_KM.at(-1)} km`,
};

/** Routes a ticket in the caller's transaction: assigned, journaled and published (the station hears of it by webhook). */
@Injectable()
export class TicketRoutingService {
  constructor(
    private readonly assignment: StationAssignment,
    private readonly manual: ManualStationAssignment,
    private readonly journal: TicketJournal,
    private readonly sla: SlaPolicy,
    private readonly events: TicketEvents,
  ) {}

  async route(tx: EntityManager, ticket: Ticket): Promise<Ticket> {
    assertCanStep(ticket.status, 'route');
    const { decision, station, decidedAt } = await this.assignment.assign(tx, ticket);
    if (!station || decision.outcome !== 'routed') {
      const reason = FAILURE_REASONS[decision.outcome === 'routed' ? 'no-station' : decision.outcome];
      const failed = this.events.of(TicketRoutingFailed, ticket, { reason });
      return this.journal.record(tx, ticket, { step: 'routing-failed', note: reason }, failed);
    }
    const km = ((decision.distanceMeters ?? 0) / 1000).toFixed(1);
    const note = `${station.name}, ${km} km away`;
    return this.announce(tx, ticket, { decision, station, decidedAt }, { step: 'routed', note });
  }

  /**
   * A service manager sends the ticket to the station of their choice (ADR 0041): the old assignment is released
   * and the ticket routed as an automatic routing would be, so the same event, webhook and SLA clock follow.
   */
  async rerouteByHand(tx: EntityManager, ticket: Ticket, stationId: string, reason: string): Promise<Ticket> {
    assertCanStep(ticket.status, 'reroute');
    const { released, ...assignment } = await this.manual.assign(tx, ticket, stationId);
    const from = released ? `from ${released.name} ` : '';
    const note = `by hand ${from}to ${assignment.station.name}: ${reason}`;
    const entry = { step: 'routed' as const, note, takenFrom: released?.stationId ?? null };
    return this.announce(tx, { ...ticket, appointmentAt: null }, assignment, entry);
  }

  private announce(
    tx: EntityManager,
    ticket: Ticket,
    { decision, station, decidedAt }: Assignment & { station: Station },
    entry: JournalEntry,
  ): Promise<Ticket> {
    const routed: Ticket = {
      ...ticket,
      status: 'routed',
      stationId: station.stationId,
      routedAt: decidedAt.toISOString(),
      acceptedAt: null,
      responseDueAt: this.sla.responseDue(decidedAt, ticket.severity, station.openingHours).toISOString(),
      responseBreachedAt: null,
    };
    const event = this.events.of(TicketRouted, routed, {
      stationId: station.stationId,
      distanceMeters: decision.distanceMeters ?? 0,
      radiusKm: decision.radiusKm ?? 0,
      candidates: decision.candidates,
    });
    return this.journal.record(tx, routed, entry, event);
  }

  /** The assigned station declined: the ticket goes to the next nearest able station, at once. */
  async declineAndReroute(tx: EntityManager, ticket: Ticket, reason: string): Promise<Ticket> {
    assertCanStep(ticket.status, 'decline');
    const stationId = ticket.stationId as string;
    await this.assignment.withdraw(tx, ticket, reason);
    const declined: Ticket = {
      ...ticket,
      status: 'declined',
      stationId: null,
      routedAt: null,
      responseDueAt: null,
    };
    const event = this.events.of(TicketDeclined, declined, { declinedStationId: stationId, reason });
    await this.journal.record(tx, declined, { step: 'declined', note: reason, stationId }, event);
    return this.route(tx, declined);
  }
}
