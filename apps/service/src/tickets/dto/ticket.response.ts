import { ApiProperty } from '@nestjs/swagger';
import {
  Actor,
  COMPLAINT_CHANNELS,
  QualityType,
  QualityTypes,
  SEVERITIES,
  Severity,
  TICKET_STATUSES,
  TicketStatus,
} from '@crm/contracts';
import { GeoPointDto } from '@crm/http';
import { ComplaintChannel, Ticket } from '../ticket';
import { Milestone, TicketTimeline, TimelineStep } from '../ticket-timeline';

const ACTOR_KINDS: Actor['kind'][] = ['user', 'partner', 'system'];
/** Every ticket transition answers 409 when the ticket's status does not allow it. */
export const TICKET_STEP_CONFLICT = 'The ticket’s status does not allow this step';
const nullableString = { type: String, nullable: true } as const;
const nullableDate = { type: String, format: 'date-time', nullable: true } as const;
const nullableUuid = { type: String, format: 'uuid', nullable: true } as const;

export class SatisfactionResponse {
  @ApiProperty({ minimum: 1, maximum: 5, example: 5 })
  score: number;
  @ApiProperty(nullableString)
  comment: string | null;
  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class TicketResponse implements Ticket {
  @ApiProperty({ format: 'uuid' })
  ticketId: string;
  @ApiProperty({ example: 'T-20261124-000123' })
  ticketNumber: string;
  @ApiProperty(nullableUuid)
  interactionId: string | null;
  @ApiProperty({ format: 'uuid' })
  customerId: string;
  @ApiProperty(nullableUuid)
  vehicleId: string | null;
  @ApiProperty({ ...nullableString, example: 'LSVAU2180N2123456' })
  vin: string | null;
  @ApiProperty({ ...nullableString, example: 'Volkswagen' })
  brand: string | null;
  @ApiProperty(nullableUuid)
  sellingDealerId: string | null;
  @ApiProperty({ enum: Object.values(QualityTypes) })
  qualityType: QualityType;
  @ApiProperty({ enum: SEVERITIES })
  severity: Severity;
  @ApiProperty({ enum: TICKET_STATUSES })
  status: TicketStatus;
  @ApiProperty({ example: '刹车异响 / squealing brakes' })
  description: string;
  @ApiProperty({ enum: COMPLAINT_CHANNELS })
  channel: ComplaintChannel;
  @ApiProperty({ type: GeoPointDto, nullable: true })
  location: GeoPointDto | null;
  @ApiProperty(nullableUuid)
  stationId: string | null;
  @ApiProperty({ format: 'date-time' })
  openedAt: string;
  @ApiProperty(nullableDate)
  routedAt: string | null;
  @ApiProperty(nullableDate)
  acceptedAt: string | null;
  @ApiProperty(nullableDate)
  resolvedAt: string | null;
  @ApiProperty(nullableDate)
  closedAt: string | null;
  @ApiProperty(nullableDate)
  appointmentAt: string | null;
  @ApiProperty({ ...nullableDate, description: 'SLA: when the station must have accepted' })
  responseDueAt: string | null;
  @ApiProperty({ ...nullableDate, description: 'SLA: when the ticket must be resolved' })
  resolutionDueAt: string | null;
  @ApiProperty(nullableDate)
  responseBreachedAt: string | null;
  @ApiProperty(nullableDate)
  resolutionBreachedAt: string | null;
  @ApiProperty({ ...nullableDate, description: 'When a person or a workflow rule escalated it' })
  escalatedAt: string | null;
  @ApiProperty({ description: 'An SLA target was breached, or it was escalated' })
  escalated: boolean;
  @ApiProperty({ type: SatisfactionResponse, nullable: true })
  satisfaction: SatisfactionResponse | null;
}

export class TicketPageResponse {
  @ApiProperty({ type: [TicketResponse] })
  items: TicketResponse[];
  @ApiProperty({ example: 20 })
  limit: number;
  @ApiProperty({ example: 0 })
  offset: number;
}

export class ActorRefResponse {
  @ApiProperty({ description: 'A user’s id, a station user’s id, `system`, or `customer` (a survey answer)' })
  id: string;
  @ApiProperty({ enum: ACTOR_KINDS })
  kind: Actor['kind'];
  @ApiProperty({
    ...nullableString,
    example: '王丽',
    description:
      'A user’s name as they were signed in when they acted; a station’s name for a partner; null for the ' +
      'system, the customer and steps recorded before names were kept',
  })
  name: string | null;
}

export class MilestoneResponse implements Milestone {
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ type: ActorRefResponse })
  by: ActorRefResponse;
  @ApiProperty()
  sinceOpenedMs: number;
}

export class TimelineStepResponse implements TimelineStep {
  @ApiProperty({ example: 'accepted' })
  step: string;
  @ApiProperty({ enum: TICKET_STATUSES })
  status: TicketStatus;
  @ApiProperty({ type: ActorRefResponse })
  actor: ActorRefResponse;
  @ApiProperty(nullableUuid)
  stationId: string | null;
  @ApiProperty(nullableString)
  note: string | null;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Since the previous step' })
  tookMs: number | null;
  @ApiProperty()
  sinceOpenedMs: number;
}

export class TicketTimelineResponse implements TicketTimeline {
  @ApiProperty({ format: 'uuid' })
  ticketId: string;
  @ApiProperty()
  ticketNumber: string;
  @ApiProperty({ enum: TICKET_STATUSES })
  status: TicketStatus;
  @ApiProperty({ type: MilestoneResponse, nullable: true })
  reported: MilestoneResponse | null;
  @ApiProperty({ type: MilestoneResponse, nullable: true })
  routed: MilestoneResponse | null;
  @ApiProperty({ type: MilestoneResponse, nullable: true })
  accepted: MilestoneResponse | null;
  @ApiProperty({ type: MilestoneResponse, nullable: true })
  resolved: MilestoneResponse | null;
  @ApiProperty({ type: MilestoneResponse, nullable: true })
  closed: MilestoneResponse | null;
  @ApiProperty({ type: [TimelineStepResponse] })
  steps: TimelineStepResponse[];
}
