import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, ConflictError, InvalidInputError } from '@crm/core';
import { Station } from '../stations/station';
import { StationRepository } from '../stations/station.repository';
import { Ticket } from '../tickets/ticket';
import { RoutingDecisionRepository } from './routing-decision.repository';
import { RoutingDecision, StationCandidate } from './routing-need';
import { Assignment } from './station-assignment';
import { StationCandidateRepository } from './station-candidate.repository';
import { TicketDeclineRepository } from './ticket-decline.repository';

export interface ManualAssignment extends Assignment {
  station: Station;
  /** The station the ticket was taken from, its slot freed. */
  released: Station | null;
}

/** Assigns a ticket to the station a service manager chose, with the decision recorded as a routing's is. */
@Injectable()
export class ManualStationAssignment {
  constructor(
    private readonly decisions: RoutingDecisionRepository,
    private readonly declines: TicketDeclineRepository,
    private readonly stations: StationRepository,
    private readonly candidates: StationCandidateRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * A service manager's choice (ADR 0041): the old station's slot is freed and one of the chosen station's taken;
   * the rules it fails are recorded as overridden, but an inactive or full station is refused (409).
   */
  async assign(tx: EntityManager, ticket: Ticket, stationId: string): Promise<ManualAssignment> {
    const station = await this.stations.findById(stationId, tx);
    if (!station) throw new InvalidInputError([{ field: 'stationId', message: 'no such repair station' }]);
    if (station.stationId === ticket.stationId)
      throw new ConflictError('The ticket is assigned to this station already', { stationId });
    if (!station.active) throw new ConflictError('The station is inactive', { stationId });
    const need = {
      skill: ticket.qualityType,
      brand: ticket.brand,
      excludedStationIds: await this.declines.stationsFor(tx, ticket.ticketId),
    };
    const examined = (await this.candidates.examineOne(
      tx,
      ticket.location ?? station.location,
      need,
      stationId,
    ))!;
    const released = ticket.stationId ? await this.stations.findById(ticket.stationId, tx) : null;
    if (released) await this.stations.releaseSlot(tx, released.stationId);
    if (!(await this.stations.claimSlot(tx, stationId)))
      throw new ConflictError('The station has no free capacity', { stationId, capacity: station.capacity });
    const decision = byHand(ticket, station, examined);
    const decidedAt = this.clock.now();
    await this.decisions.record(tx, ticket.ticketId, decision, decidedAt);
    return { decision, station, decidedAt, released };
  }
}

/** The decision as recorded for a station chosen by hand; without a ticket location there is no distance. */
function byHand(ticket: Ticket, station: Station, examined: StationCandidate): RoutingDecision {
  const distanceMeters = ticket.location ? examined.distanceMeters : null;
  const overrode = examined.eligible ? {} : { overrode: examined.reason };
  const chosen: StationCandidate = {
    ...examined,
    distanceMeters: distanceMeters ?? 0,
    reason: 'chosen by hand',
    ...overrode,
  };
  return {
    at: ticket.location,
    stationId: station.stationId,
    stationName: station.name,
    distanceMeters,
    radiusKm: null,
    candidates: [chosen],
    outcome: 'routed',
  };
}
