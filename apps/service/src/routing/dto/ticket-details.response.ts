import { ApiProperty } from '@nestjs/swagger';
import { GeoPointDto } from '@crm/http';
import { TicketResponse } from '../../tickets/dto/ticket.response';
import { RecordedRoutingDecision } from '../routing-decision.repository';
import {
  CANDIDATE_REASONS,
  CandidateReason,
  RoutingDecision,
  StationCandidate,
  TieBreak,
} from '../routing-need';

export class StationCandidateResponse implements StationCandidate {
  @ApiProperty({ format: 'uuid' })
  stationId: string;
  @ApiProperty({ example: 'RS-SH-001' })
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  distanceMeters: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Open assigned tickets over capacity when examined (before this ticket); null without capacity',
  })
  load: number | null;
  @ApiProperty()
  eligible: boolean;
  @ApiProperty({
    enum: CANDIDATE_REASONS,
    description: 'Why the station was or was not chosen',
    example: 'chosen',
  })
  reason: CandidateReason;
  @ApiProperty({
    enum: ['lower load', 'station code'],
    required: false,
    description: 'On the chosen station only, when an able station was just as far: which rule decided',
  })
  tieBrokenBy?: TieBreak;
  @ApiProperty({
    enum: CANDIDATE_REASONS,
    required: false,
    description:
      'On a station a service manager chose by hand: the routing rule it fails that was overridden',
  })
  overrode?: CandidateReason;
}

const OUTCOMES: RoutingDecision['outcome'][] = ['routed', 'no-station', 'no-location'];

export class RoutingDecisionResponse implements RecordedRoutingDecision {
  @ApiProperty({ type: GeoPointDto, nullable: true })
  at: GeoPointDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  stationId: string | null;
  @ApiProperty({ type: String, nullable: true })
  stationName: string | null;
  @ApiProperty({ type: Number, nullable: true })
  distanceMeters: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The radius the station was found within' })
  radiusKm: number | null;
  @ApiProperty({ type: [StationCandidateResponse] })
  candidates: StationCandidateResponse[];
  @ApiProperty({ enum: OUTCOMES })
  outcome: RoutingDecision['outcome'];
  @ApiProperty({ format: 'date-time' })
  decidedAt: string;
}

export class TicketDetailsResponse extends TicketResponse {
  @ApiProperty({ type: [RoutingDecisionResponse], description: 'Every routing decision, oldest first' })
  routing: RoutingDecisionResponse[];
}
