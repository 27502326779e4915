import { GeoPoint, QualityType, Severity, TicketStatus, TicketSummary } from '@crm/contracts';

export type ComplaintChannel = TicketSummary['channel'];

export interface Ticket {
  ticketId: string;
  ticketNumber: string;
  interactionId: string | null;
  customerId: string;
  vehicleId: string | null;
  vin: string | null;
  brand: string | null;
  sellingDealerId: string | null;
  qualityType: QualityType;
  severity: Severity;
  status: TicketStatus;
  description: string;
  channel: ComplaintChannel;
  location: GeoPoint | null;
  stationId: string | null;
  openedAt: string;
  routedAt: string | null;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  appointmentAt: string | null;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  responseBreachedAt: string | null;
  resolutionBreachedAt: string | null;
  /** When a person or a workflow rule escalated it (ADR 0043); SLA breaches escalate on their own. */
  escalatedAt: string | null;
  escalated: boolean;
  satisfaction: { score: number; comment: string | null; recordedAt: string } | null;
}

export function toSummary(t: Ticket): TicketSummary {
  return {
    ticketId: t.ticketId,
    ticketNumber: t.ticketNumber,
    customerId: t.customerId,
    vehicleId: t.vehicleId,
    vin: t.vin,
    sellingDealerId: t.sellingDealerId,
    qualityType: t.qualityType,
    severity: t.severity,
    status: t.status,
    description: t.description,
    channel: t.channel,
    stationId: t.stationId,
    location: t.location,
    openedAt: t.openedAt,
  };
}

/** `T-20261124-000123`: the opening day and a sequence number, read out on the phone. */
export function formatTicketNumber(openedAt: Date, sequence: number): string {
  const day = openedAt.toISOString().slice(0, 10).replace(/-/g, '');
  return `T-${day}-${String(sequence).padStart(6, '0')}`;
}
