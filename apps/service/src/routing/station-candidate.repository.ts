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
const ABLE = `active AND NOT (id = ANY($5::uuid[])) AND skills @> ARRAY[$3::text]
  AND ($4::text IS NULL OR brands @> ARRAY[$4::text]) AND open_tickets < capacity`;

/**
 * The stations a KNN scan of the GiST index meets first, nearest first, that pass `filter`: the walk stops
 * at the LIMIT (ties on the distance included), so it reads only as far as the answer, however dense the
 * stations. The order is `<->` alone because PostgreSQL 15 uses the index order only when the whole ORDER BY
 * is `<->` (with ORDER's tie-break keys it would sort the box instead); the caller re-sorts by ORDER.
 */
const nearestWalk = (filter: string) => `(SELECT * FROM service.station WHERE ${filter}
    ORDER BY ${GEO.nearestFirst} FETCH FIRST $7 ROWS WITH TIES) walk`;

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

/**
 * Nearest-station queries answered by the KNN order of the GiST index on ll_to_earth(lat, lon): an index
 * scan that stops at the LIMIT, never a scan of the radius's box.
 */
@Injectable()
export class StationCandidateRepository {
  /**
   * The nearest stations within the radius that meet every rule, in routing order (see ORDER). The walk also
   * stops at stations beyond the radius, so a need nobody near can meet costs at most the stations within it.
   */
  async findNearestAble(
    tx: EntityManager,
    at: GeoPoint,
    need: StationNeed & { radiusKm: number },
    limit: number,
  ): Promise<StationCandidate[]> {
    const rows: CandidateRow[] = await tx.query(
      `SELECT ${COLUMNS}, 'eligible' AS reason FROM ${nearestWalk(`(${ABLE}) OR ${GEO.distanceMeters} > $6`)}
        WHERE ${ABLE} AND ${GEO.distanceMeters} <= $6
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
      `SELECT ${COLUMNS}, ${REASON} AS reason FROM ${nearestWalk('true')}
        WHERE ${GEO.distanceMeters} <= $6
        ORDER BY ${ORDER} LIMIT $7`,
      [...this.params(at, need), need.radiusKm * 1000, limit],
    );
    return rows.map(toCandidate);
  }

  /** One station as the rules see it for this need, wherever it is: a service manager's choice explained. */
  async examineOne(
    tx: EntityManager,
    at: GeoPoint,
    need: StationNeed,
    stationId: string,
  ): Promise<StationCandidate | null> {
    const rows: CandidateRow[] = await tx.query(
      `SELECT ${COLUMNS}, ${REASON} AS reason FROM service.station WHERE id = $6`,
      [...this.params(at, need), stationId],
    );
    return rows[0] ? toCandidate(rows[0]) : null;
  }

  private params(at: GeoPoint, need: StationNeed): unknown[] {
    return [at.lat, at.lon, need.skill, need.brand, need.excludedStationIds];
  }
}
