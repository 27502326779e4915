import { GeoPoint, QualityType } from '@crm/contracts';

/** What a ticket needs from a station. */
export interface StationNeed {
  skill: QualityType;
  /** Null when the vehicle's brand is unknown: any brand will do. */
  brand: string | null;
  /** Stations that declined this ticket already. */
  excludedStationIds: string[];
}

export interface StationCandidate {
  stationId: string;
  code: string;
  name: string;
  distanceMeters: number;
  /** Open assigned tickets over capacity when examined (before this ticket); null without capacity. */
  load: number | null;
  eligible: boolean;
  reason: CandidateReason;
  /** On the chosen station only, when an able station was just as far: which rule decided. */
  tieBrokenBy?: TieBreak;
  /** On a station chosen by hand only: the rule it fails that the service manager overrode (ADR 0041). */
  overrode?: CandidateReason;
}

/** Equally distant able stations: lower load first, then lower station code. */
export type TieBreak = 'lower load' | 'station code';

export const CANDIDATE_REASONS = [
  'eligible',
  'chosen',
  'chosen by hand',
  'inactive',
  'declined before',
  'lacks skill',
  'brand not served',
  'full',
] as const;
export type CandidateReason = (typeof CANDIDATE_REASONS)[number];

export interface RoutingDecision {
  at: GeoPoint | null;
  stationId: string | null;
  stationName: string | null;
  distanceMeters: number | null;
  radiusKm: number | null;
  candidates: StationCandidate[];
  outcome: 'routed' | 'no-station' | 'no-location';
}

/** Radii tried in turn until a station qualifies. */
export const ROUTING_RADII_KM = [25, 50, 100, 200, 500] as const;
/** How many stations near the point are explained in the decision. */
export const EXAMINED_CANDIDATES = 10;
