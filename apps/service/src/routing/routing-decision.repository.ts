import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RoutingDecision } from './routing-need';

export interface RecordedRoutingDecision extends RoutingDecision {
  decidedAt: string;
}

interface DecisionRow {
  station_id: string | null;
  lat: number | null;
  lon: number | null;
  radius_km: number | null;
  distance_meters: number | null;
  candidates: RoutingDecision['candidates'];
  outcome: RoutingDecision['outcome'];
  decided_at: Date;
}

@Injectable()
export class RoutingDecisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(tx: EntityManager, ticketId: string, d: RoutingDecision, decidedAt: Date): Promise<void> {
    await tx.query(
      `INSERT INTO service.routing_decision (ticket_id, station_id, lat, lon, radius_km, distance_meters, candidates,
         outcome, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        ticketId,
        d.stationId,
        d.at?.lat,
        d.at?.lon,
        d.radiusKm,
        d.distanceMeters,
        JSON.stringify(d.candidates),
        d.outcome,
        decidedAt,
      ],
    );
  }

  async forTicket(ticketId: string): Promise<RecordedRoutingDecision[]> {
    const rows: DecisionRow[] = await this.dataSource.query(
      `SELECT station_id, lat, lon, radius_km, distance_meters, candidates, outcome, decided_at
         FROM service.routing_decision WHERE ticket_id = $1 ORDER BY id`,
      [ticketId],
    );
    return rows.map((row) => ({
      at: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon },
      stationId: row.station_id,
      stationName: row.candidates.find((c) => c.stationId === row.station_id)?.name ?? null,
      distanceMeters: row.distance_meters,
      radiusKm: row.radius_km,
      candidates: row.candidates,
      outcome: row.outcome,
      decidedAt: row.decided_at.toISOString(),
    }));
  }
}
