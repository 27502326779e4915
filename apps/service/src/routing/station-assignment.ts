import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@crm/core';
import { Station } from '../stations/station';
import { StationRepository } from '../stations/station.repository';
import { Ticket } from '../tickets/ticket';
import { RoutingDecisionRepository } from './routing-decision.repository';
import { RoutingDecision } from './routing-need';
import { NearestStationFinder } from './nearest-station.finder';
import { TicketDeclineRepository } from './ticket-decline.repository';

export interface Assignment {
  decision: RoutingDecision;
  station: Station | null;
  decidedAt: Date;
}

/** Decides which station gets a ticket, takes one of its slots and records the decision with its reasons. */
@Injectable()
export class StationAssignment {
  constructor(
    private readonly finder: NearestStationFinder,
    private readonly decisions: RoutingDecisionRepository,
    private readonly declines: TicketDeclineRepository,
    private readonly stations: StationRepository,
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

  /** The station gives the ticket back: its slot is freed and it is never offered this ticket again. */
  async withdraw(tx: EntityManager, ticket: Ticket, reason: string): Promise<void> {
    if (!ticket.stationId) return;
    await this.stations.releaseSlot(tx, ticket.stationId);
    await this.declines.add(tx, ticket.ticketId, ticket.stationId, reason, this.clock.now());
  }
}
