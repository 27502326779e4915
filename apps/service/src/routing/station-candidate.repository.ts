import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GeoPoint } from '@crm/contracts';
import { geoSql } from '@crm/persistence';
import { CandidateReason, StationCandidate, StationNeed } from './routing-need';

interface CandidateRow {
  id: string;
  code: string;
  name: string;
  distance_m: number;
  load: number | null;
  reason: CandidateReason;
}

const GEO = geoSql('$1', '$2');
/** Open assigned tickets relative to capacity; null for a station with no capacity at all. */
const LOAD = `open_tickets::float8 / NULLIF(capacity, 0)`;
/**
 * Nearest first (KNN on the index); equally distant stations go to the lower load, then the lower
 * station code, so the same state always gives the same choice.
 */
const ORDER = `${GEO.nearestFirst}, ${LOAD} NULLS LAST, code`;
const COLUMNS = `id, code, name, ${GEO.distanceMeters} AS distance_m, ${LOAD} AS load`;

/** The first failing rule names why a station cannot take the ticket; evaluated in SQL, not in a loop here. */
const REASON = `CASE
    WHEN NOT active THEN 'inactive'
    WHEN id = ANY($5::uuid[]) THEN 'declined before'
    WHEN NOT skills @> ARRAY[$3::text] THEN 'lacks skill'
    WHEN $4::text IS NOT NULL AND NOT brands @> ARRAY[$4::text] THEN 'brand not served'
    WHEN open_tickets >= capacity THEN 'full'
    ELSE 'eligible' END`;

function toCandidate(row: CandidateRow): StationCandidate {
  return {
    stationId: row.id,
    code: row.code,
    name: row.name,
    distanceMeters: Math.round(Number(row.distance_m)),
    load: row.load === null ? null : Number(row.load),
    eligible: row.reason === 'eligible',
    reason: row.reason,
  };
}

/** Nearest-station queries answered by the GiST index on ll_to_earth(lat, lon) (KNN), never a scan. */
@Injectable()
export class StationCandidateRepository {
  /** The nearest stations within the radius that meet every rule, in routing order (see ORDER). */
  async findNearestAble(
    tx: EntityManager,
    at: GeoPoint,
    need: StationNeed & { radiusKm: number },
    limit: number,
  ): Promise<StationCandidate[]> {
    const rows: CandidateRow[] = await tx.query(
      `SELECT ${COLUMNS}, 'eligible' AS reason FROM service.station
        WHERE ${GEO.withinMeters('$6')}
          AND active AND NOT (id = ANY($5::uuid[])) AND skills @> ARRAY[$3::text]
          AND ($4::text IS NULL OR brands @> ARRAY[$4::text]) AND open_tickets < capacity
        ORDER BY ${ORDER} LIMIT $7`,
      [...this.params(at, need), need.radiusKm * 1000, limit],
    );
    return rows.map(toCandidate);
  }

  /** The stations nearest the point within the radius, whatever their state, each with why it can or cannot serve. */
  async examineNear(
    tx: EntityManager,
    at: GeoPoint,
    need: StationNeed & { radiusKm: number },
    limit: number,
  ): Promise<StationCandidate[]> {
    const rows: CandidateRow[] = await tx.query(
      `SELECT ${COLUMNS}, ${REASON} AS reason FROM service.station
        WHERE ${GEO.withinMeters('$6')}
        ORDER BY ${ORDER} LIMIT $7`,
      [...this.params(at, need), need.radiusKm * 1000, limit],
    );
    return rows.map(toCandidate);
  }

  private params(at: GeoPoint, need: StationNeed): unknown[] {
    return [at.lat, at.lon, need.skill, need.brand, need.excludedStationIds];
  }
}
