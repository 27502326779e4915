import {
  EventEnvelope,
  TicketAccepted,
  TicketClosed,
  TicketDeclined,
  TicketEscalated,
  TicketReopened,
  TicketResolved,
  TicketSatisfactionRecorded,
  TicketSummary,
} from '@crm/contracts';

/** What one ticket event says about its fact row; each field is merged by its own rule (see the store). */
export interface TicketFactChange {
  ticketId: string;
  ticketNumber: string;
  openedAt: string;
  qualityType: string;
  severity: string;
  channel: string;
  vehicleId: string | null;
  sellingDealerId: string | null;
  status: string;
  eventId: string;
  occurredAt: string;
  /** Latest wins, and only when the event names a station. */
  stationId: string | null;
  /** Earliest wins. */
  firstResponseAt: string | null;
  acceptedAt: string | null;
  /** Latest wins: a reopened ticket is resolved again. */
  resolvedAt: string | null;
  closedAt: string | null;
  /** Counted as a set of event ids, so replaying an event adds nothing. */
  reopenEventId: string | null;
  responseBreached: boolean;
  resolutionBreached: boolean;
  /** Latest rating wins. */
  satisfactionScore: number | null;
}

type TicketEvent = EventEnvelope<TicketSummary & Record<string, unknown>>;

/** A station's answer (accept or decline) is the first response the service's response SLA measures. */
const STATION_ANSWERS = new Set<string>([TicketAccepted.type, TicketDeclined.type]);

export function ticketFactChange(event: TicketEvent): TicketFactChange {
  const { payload, type, occurredAt } = event;
  const at = (eventType: string) => (type === eventType ? occurredAt : null);
  return {
    ticketId: payload.ticketId,
    ticketNumber: payload.ticketNumber,
    openedAt: payload.openedAt,
    qualityType: payload.qualityType,
    severity: payload.severity,
    channel: payload.channel,
    vehicleId: payload.vehicleId,
    sellingDealerId: payload.sellingDealerId,
    status: payload.status,
    eventId: event.id,
    occurredAt,
    stationId: payload.stationId,
    firstResponseAt: STATION_ANSWERS.has(type) ? occurredAt : null,
    acceptedAt: at(TicketAccepted.type),
    resolvedAt: at(TicketResolved.type),
    closedAt: at(TicketClosed.type),
    reopenEventId: type === TicketReopened.type ? event.id : null,
    responseBreached: type === TicketEscalated.type && payload.reason === 'response-sla-breached',
    resolutionBreached: type === TicketEscalated.type && payload.reason === 'resolution-sla-breached',
    satisfactionScore: type === TicketSatisfactionRecorded.type ? Number(payload.score) : null,
  };
}
