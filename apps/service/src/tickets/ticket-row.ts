import { Ticket } from './ticket';

export const TICKET_COLUMNS = `id, number, interaction_id, customer_id, vehicle_id, vin, brand, selling_dealer_id,
  quality_type, severity, status, description, channel, lat, lon, station_id, opened_at, routed_at, accepted_at,
  resolved_at, closed_at, appointment_at, response_due_at, resolution_due_at, response_breached_at,
  resolution_breached_at, satisfaction_score, satisfaction_comment, satisfaction_at, escalated_at`;

type Timestamp = Date | null;

export interface TicketRow {
  id: string;
  number: string;
  interaction_id: string | null;
  customer_id: string;
  vehicle_id: string | null;
  vin: string | null;
  brand: string | null;
  selling_dealer_id: string | null;
  quality_type: Ticket['qualityType'];
  severity: Ticket['severity'];
  status: Ticket['status'];
  description: string;
  channel: Ticket['channel'];
  lat: number | null;
  lon: number | null;
  station_id: string | null;
  opened_at: Date;
  routed_at: Timestamp;
  accepted_at: Timestamp;
  resolved_at: Timestamp;
  closed_at: Timestamp;
  appointment_at: Timestamp;
  response_due_at: Timestamp;
  resolution_due_at: Timestamp;
  response_breached_at: Timestamp;
  resolution_breached_at: Timestamp;
  satisfaction_score: number | null;
  satisfaction_comment: string | null;
  satisfaction_at: Timestamp;
  escalated_at: Timestamp;
}

const iso = (value: Timestamp) => value?.toISOString() ?? null;

export function fromTicketRow(r: TicketRow): Ticket {
  return {
    ticketId: r.id,
    ticketNumber: r.number,
    interactionId: r.interaction_id,
    customerId: r.customer_id,
    vehicleId: r.vehicle_id,
    vin: r.vin,
    brand: r.brand,
    sellingDealerId: r.selling_dealer_id,
    qualityType: r.quality_type,
    severity: r.severity,
    status: r.status,
    description: r.description,
    channel: r.channel,
    location: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon },
    stationId: r.station_id,
    openedAt: r.opened_at.toISOString(),
    routedAt: iso(r.routed_at),
    acceptedAt: iso(r.accepted_at),
    resolvedAt: iso(r.resolved_at),
    closedAt: iso(r.closed_at),
    appointmentAt: iso(r.appointment_at),
    responseDueAt: iso(r.response_due_at),
    resolutionDueAt: iso(r.resolution_due_at),
    responseBreachedAt: iso(r.response_breached_at),
    resolutionBreachedAt: iso(r.resolution_breached_at),
    escalatedAt: iso(r.escalated_at),
    escalated:
      r.response_breached_at !== null || r.resolution_breached_at !== null || r.escalated_at !== null,
    satisfaction:
      r.satisfaction_score === null
        ? null
        : {
            score: r.satisfaction_score,
            comment: r.satisfaction_comment,
            recordedAt: iso(r.satisfaction_at) as string,
          },
  };
}

/** In the order of TICKET_COLUMNS. */
export function toTicketParams(t: Ticket): unknown[] {
  return [
    t.ticketId,
    t.ticketNumber,
    t.interactionId,
    t.customerId,
    t.vehicleId,
    t.vin,
    t.brand,
    t.sellingDealerId,
    t.qualityType,
    t.severity,
    t.status,
    t.description,
    t.channel,
    t.location?.lat ?? null,
    t.location?.lon ?? null,
    t.stationId,
    t.openedAt,
    t.routedAt,
    t.acceptedAt,
    t.resolvedAt,
    t.closedAt,
    t.appointmentAt,
    t.responseDueAt,
    t.resolutionDueAt,
    t.responseBreachedAt,
    t.resolutionBreachedAt,
    t.satisfaction?.score ?? null,
    t.satisfaction?.comment ?? null,
    t.satisfaction?.recordedAt ?? null,
    t.escalatedAt,
  ];
}
