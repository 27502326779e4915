import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SurveyLinkIssuer } from '../satisfaction/survey-link.issuer';
import { StationRepository } from '../stations/station.repository';
import { Ticket } from '../tickets/ticket';
import { NotificationKind, NotificationKinds } from './notification';
import { NotificationFacts } from './notification-templates';

/** Gathers what a message says, in the transition's transaction (the survey link is issued only if it commits). */
@Injectable()
export class NotificationFactsCollector {
  constructor(
    private readonly stations: StationRepository,
    private readonly surveys: SurveyLinkIssuer,
  ) {}

  async collect(tx: EntityManager, kind: NotificationKind, ticket: Ticket): Promise<NotificationFacts> {
    const ticketNumber = ticket.ticketNumber;
    switch (kind) {
      case NotificationKinds.ticketReceived:
        return { kind, ticketNumber };
      case NotificationKinds.stationAssigned:
        return { kind, ticketNumber, station: await this.assignedStation(tx, ticket) };
      case NotificationKinds.appointmentProposed: {
        const station = ticket.stationId ? await this.stations.findById(ticket.stationId, tx) : null;
        return {
          kind,
          ticketNumber,
          stationName: station?.name ?? null,
          appointmentAt: ticket.appointmentAt as string,
        };
      }
      case NotificationKinds.survey:
        return { kind, ticketNumber, surveyUrl: (await this.surveys.issue(ticket.ticketId, tx)).url };
    }
  }

  private async assignedStation(tx: EntityManager, ticket: Ticket) {
    const station = ticket.stationId ? await this.stations.findById(ticket.stationId, tx) : null;
    if (!station) throw new Error(`ticket ${ticket.ticketId} was routed to an unknown station`);
    return station;
  }
}
