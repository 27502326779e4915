import { ApiProperty } from '@nestjs/swagger';
import { GeoPointDto } from '@crm/http';
import { TicketResponse } from '../../tickets/dto/ticket.response';
import { RecordedRoutingDecision } from '../routing-decision.repository';
import { CandidateReason, RoutingDecision, StationCandidate } from '../routing-need';

export class StationCandidateResponse implements StationCandidate {
  @ApiProperty({ format: 'uuid' })
  stationId: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  distanceMeters: number;
  @ApiProperty()
  eligible: boolean;
  @ApiProperty({ description: 'Why the station was or was not chosen', example: 'chosen' })
  reason: CandidateReason;
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
