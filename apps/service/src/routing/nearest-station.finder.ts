import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GeoPoint } from '@crm/contracts';
import { StationRepository } from '../stations/station.repository';
import {
  EXAMINED_CANDIDATES,
  ROUTING_RADII_KM,
  RoutingDecision,
  StationCandidate,
  StationNeed,
  TieBreak,
} from './routing-need';
import { StationCandidateRepository } from './station-candidate.repository';

/** A few at a time, in case the nearest fills up between the query and the claim. */
const ABLE_BATCH = 3;
const LARGEST_RADIUS_KM = ROUTING_RADII_KM[ROUTING_RADII_KM.length - 1];

/** Picks the nearest able station, widening the radius step by step, and explains the choice. */
@Injectable()
export class NearestStationFinder {
  constructor(
    private readonly candidates: StationCandidateRepository,
    private readonly stations: StationRepository,
  ) {}

  async decide(tx: EntityManager, at: GeoPoint | null, need: StationNeed): Promise<RoutingDecision> {
    if (!at) return { ...NO_STATION, at, outcome: 'no-location' };
    for (const radiusKm of ROUTING_RADII_KM) {
      const chosen = await this.claimNearest(tx, at, { ...need, radiusKm });
      if (chosen) {
        const candidates = await this.explain(tx, at, { ...need, radiusKm }, chosen);
        return {
          ...NO_STATION,
          at,
          stationId: chosen.stationId,
          stationName: chosen.name,
          radiusKm,
          candidates,
          distanceMeters: chosen.distanceMeters,
          outcome: 'routed',
        };
      }
    }
    return {
      ...NO_STATION,
      at,
      candidates: await this.explain(tx, at, { ...need, radiusKm: LARGEST_RADIUS_KM }, null),
      outcome: 'no-station',
    };
  }

  private async claimNearest(tx: EntityManager, at: GeoPoint, need: StationNeed & { radiusKm: number }) {
    const able = await this.candidates.findNearestAble(tx, at, need, ABLE_BATCH);
    for (const candidate of able) {
      if (await this.stations.claimSlot(tx, candidate.stationId)) return candidate;
    }
    return null;
  }

  private async explain(
    tx: EntityManager,
    at: GeoPoint,
    need: StationNeed & { radiusKm: number },
    chosen: StationCandidate | null,
  ) {
    const near = await this.candidates.examineNear(tx, at, need, EXAMINED_CANDIDATES);
    if (!chosen) return near;
    // The chosen one as found before its slot was claimed, so its load is the one the choice saw.
    const shown: StationCandidate = { ...chosen, reason: 'chosen', tieBrokenBy: tieBreak(chosen, near) };
    const others = near.filter((c) => c.stationId !== chosen.stationId);
    const place = others.findIndex((c) => comesBefore(shown, c));
    return place < 0 ? [...others, shown] : [...others.slice(0, place), shown, ...others.slice(place)];
  }
}

/** The routing order (see StationCandidateRepository), to place the chosen one as the choice saw it. */
function comesBefore(a: StationCandidate, b: StationCandidate): boolean {
  if (a.distanceMeters !== b.distanceMeters) return a.distanceMeters < b.distanceMeters;
  const [loadA, loadB] = [a.load ?? Infinity, b.load ?? Infinity];
  return loadA !== loadB ? loadA < loadB : a.code < b.code;
}

/** Which rule put the chosen station ahead of an able one at the same distance, if any was. */
function tieBreak(chosen: StationCandidate, near: StationCandidate[]): TieBreak | undefined {
  const tied = near.filter(
    (c) => c.eligible && c.stationId !== chosen.stationId && c.distanceMeters === chosen.distanceMeters,
  );
  if (tied.length === 0) return undefined;
  const load = chosen.load ?? Infinity;
  return tied.every((c) => load < (c.load ?? Infinity)) ? 'lower load' : 'station code';
}

const NO_STATION: Omit<RoutingDecision, 'at' | 'outcome'> = {
  stationId: null,
  stationName: null,
  distanceMeters: null,
  radiusKm: null,
  candidates: [],
};
