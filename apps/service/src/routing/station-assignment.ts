import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, ConflictError, InvalidInputError } from '@crm/core';
import { Station } from '../stations/station';
import { StationRepository } from '../stations/station.repository';
import { Ticket } from '../tickets/ticket';
import { RoutingDecisionRepository } from './routing-decision.repository';
import { RoutingDecision, StationCandidate } from './routing-need';
import { StationCandidateRepository } from './station-candidate.repository';
import { NearestStationFinder } from './nearest-station.finder';
import { TicketDeclineRepository } from './ticket-decline.repository';

export interface Assignment {
  decision: RoutingDecision;
  station: Station | null;
  decidedAt: Date;
}

export interface ManualAssignment extends Assignment {
  station: Station;
  /** The station the ticket was taken from, its slot freed. */
  released: Station | null;
}

/** Decides which station gets a ticket, takes one of its slots and records the decision with its reasons. */
@Injectable()
export class StationAssignment {
  constructor(
    private readonly finder: NearestStationFinder,
    private readonly decisions: RoutingDecisionRepository,
    private readonly declines: TicketDeclineRepository,
    private readonly stations: StationRepository,
    private readonly candidates: StationCandidateRepository,
    private readonly clock: Clock,
  ) {}

  async assign(tx: EntityManager, ticket: Ticket): Promise<Assignment> {
    const excludedStationIds = await this.declines.stationsFor(tx, ticket.ticketId);
    const need = { skill: ticket.qualityType, brand: ticket.brand, excludedStationIds };
    const decision = await this.finder.decide(tx, ticket.location, need);
    const decidedAt = this.clock.now();
    await this.decisions.record(tx, ticket.ticketId, decision, decidedAt);
    const station = decision.stationId ? await this.stations.findById(decision.stationId, tx) : null;
    return { decision, station, decidedAt };
  }

  /**
   * A service manager's choice (ADR 0041): the old station's slot is freed and one of the chosen station's taken;
   * the rules it fails are recorded as overridden, but an inactive or full station is refused (409).
   */
  async assignByHand(tx: EntityManager, ticket: Ticket, stationId: string): Promise<ManualAssignment> {
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

  /** The station gives the ticket back: its slot is freed and it is never offered this ticket again. */
  async withdraw(tx: EntityManager, ticket: Ticket, reason: string): Promise<void> {
    if (!ticket.stationId) return;
    await this.stations.releaseSlot(tx, ticket.stationId);
    await this.declines.add(tx, ticket.ticketId, ticket.stationId, reason, this.clock.now());
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
