import { ApiProperty } from '@nestjs/swagger';
import { QualityType, QualityTypes } from '@crm/contracts';
import { GeoPointDto } from '@crm/http';
import { TicketResponse } from '../../tickets/dto/ticket.response';
import { StationRef } from '../board.repository';
import { SlaClockView, TicketSlaView } from '../sla-clock-view';

const nullableString = { type: String, nullable: true } as const;
const nullableDate = { type: String, format: 'date-time', nullable: true } as const;
const CLOCK_STATES: SlaClockView['state'][] = ['pending', 'running', 'met', 'breached'];

export class StationRefResponse implements StationRef {
  @ApiProperty({ format: 'uuid' })
  stationId: string;
  @ApiProperty({ example: 'RS-SZ-001' })
  code: string;
  @ApiProperty({ example: '深圳南山站' })
  name: string;
  @ApiProperty({ ...nullableString, example: '广东省' })
  province: string | null;
  @ApiProperty({ ...nullableString, example: '深圳市' })
  city: string | null;
}

export class SlaClockResponse implements SlaClockView {
  @ApiProperty(nullableDate)
  dueAt: string | null;
  @ApiProperty({ ...nullableDate, description: 'When the SLA checker escalated the breach' })
  breachedAt: string | null;
  @ApiProperty({ enum: CLOCK_STATES })
  state: SlaClockView['state'];
  @ApiProperty()
  breached: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Until due while the clock runs (negative once overdue, before escalation); else null',
  })
  remainingMs: number | null;
}

export class TicketSlaResponse implements TicketSlaView {
  @ApiProperty({
    type: SlaClockResponse,
    description: 'First response = acceptance by the assigned station, from routing, in its opening hours',
  })
  response: SlaClockResponse;
  @ApiProperty({ type: SlaClockResponse, description: 'From opening to resolution, calendar time' })
  resolution: SlaClockResponse;
}

export class BoardTicketResponse extends TicketResponse {
  @ApiProperty({ type: StationRefResponse, nullable: true })
  station: StationRefResponse | null;
  @ApiProperty({
    ...nullableString,
    example: '张伟',
    description: 'From the customer master’s events; null until it has named the customer',
  })
  customerName: string | null;
  @ApiProperty({
    ...nullableString,
    example: '王师傅',
    description: 'Who repaired it, once the repair is recorded',
  })
  technician: string | null;
  @ApiProperty({ type: TicketSlaResponse })
  sla: TicketSlaResponse;
}

export class BoardTicketAtResponse extends BoardTicketResponse {
  @ApiProperty({ format: 'date-time', description: 'The instant the clocks were read at' })
  asOf: string;
}

export class BoardPageResponse {
  @ApiProperty({ type: [BoardTicketResponse] })
  items: BoardTicketResponse[];
  @ApiProperty({ description: 'Matching tickets over all pages' })
  total: number;
  @ApiProperty({ example: 20 })
  limit: number;
  @ApiProperty({ example: 0 })
  offset: number;
  @ApiProperty({ format: 'date-time', description: 'The instant every clock was read at' })
  asOf: string;
}

export class StationMapEntryResponse {
  @ApiProperty({ format: 'uuid' })
  stationId: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty(nullableString)
  phone: string | null;
  @ApiProperty(nullableString)
  province: string | null;
  @ApiProperty(nullableString)
  city: string | null;
  @ApiProperty({ type: GeoPointDto })
  location: GeoPointDto;
  @ApiProperty({ type: [String] })
  brands: string[];
  @ApiProperty({ enum: Object.values(QualityTypes), isArray: true })
  skills: QualityType[];
  @ApiProperty()
  active: boolean;
  @ApiProperty()
  capacity: number;
  @ApiProperty({ description: 'Capacity slots taken (tickets assigned and not yet resolved)' })
  slotsTaken: number;
  @ApiProperty({ type: Number, nullable: true, description: 'slotsTaken / capacity; null without capacity' })
  load: number | null;
  @ApiProperty({ description: 'Tickets at the station not resolved or closed' })
  openTickets: number;
  @ApiProperty({ description: 'Of those, tickets with a breached SLA clock' })
  breachedTickets: number;
}

export class StationMapResponse {
  @ApiProperty({ type: [StationMapEntryResponse] })
  items: StationMapEntryResponse[];
  @ApiProperty()
  limit: number;
  @ApiProperty()
  offset: number;
  @ApiProperty({ format: 'date-time' })
  asOf: string;
}
