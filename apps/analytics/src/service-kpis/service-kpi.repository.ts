import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LIVE_TABLES } from '../projections/projection-tables';
import { ServiceKpis, StationScorecard } from './dto/service-kpi.response';
import { TicketFactView } from './dto/ticket-fact.response';

/** Which ticket facts a report reads: opened in [from, to), narrowed by the optional filters. */
export interface FactFilter {
  from: Date;
  to: Date;
  stationId?: string;
  qualityType?: string;
  model?: string;
  region?: string;
}

export interface Paging {
  limit: number;
  offset: number;
}

/** Where a keyset page of ticket facts continues from. */
export interface FactCursor {
  openedAt: string;
  ticketId: string;
}

const FACTS = `${LIVE_TABLES.ticketFact} f
  LEFT JOIN ${LIVE_TABLES.station} s ON s.station_id = f.station_id
  LEFT JOIN ${LIVE_TABLES.vehicleModel} v ON v.vehicle_id = f.vehicle_id
  WHERE f.opened_at >= $1 AND f.opened_at < $2
    AND ($3::uuid IS NULL OR f.station_id = $3) AND ($4::text IS NULL OR f.quality_type = $4)
    AND ($5::text IS NULL OR v.model = $5) AND ($6::text IS NULL OR s.region = $6)`;

const filterParams = (filter: FactFilter) => [
  filter.from,
  filter.to,
  filter.stationId ?? null,
  filter.qualityType ?? null,
  filter.model ?? null,
  filter.region ?? null,
];

const DURATIONS = {
  first_response: 'f.first_response_at',
  acceptance: 'f.accepted_at',
  resolution: 'f.resolved_at',
} as const;
type Duration = keyof typeof DURATIONS;

const durationColumns = (name: Duration) => {
  const seconds = `EXTRACT(EPOCH FROM (${DURATIONS[name]} - f.opened_at))::float8`;
  return `count(${seconds})::int AS ${name}_count,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds}) AS ${name}_p50,
    percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds}) AS ${name}_p90,
    avg(${seconds}) AS ${name}_mean`;
};

const ENDED = `f.resolved_at IS NOT NULL OR f.closed_at IS NOT NULL OR cardinality(f.reopen_event_ids) > 0`;
const KPI_COLUMNS = `count(*)::int AS tickets,
    ${(Object.keys(DURATIONS) as Duration[]).map(durationColumns).join(',\n    ')},
    avg((f.response_breached OR f.resolution_breached)::int)::float8 AS sla_breach_rate,
    count(f.satisfaction_score)::int AS satisfaction_count,
    avg(f.satisfaction_score)::float8 AS satisfaction_average,
    (count(*) FILTER (WHERE cardinality(f.reopen_event_ids) > 0))::float8
      / NULLIF(count(*) FILTER (WHERE ${ENDED}), 0) AS reopen_rate`;

type KpiRow = Record<string, number | null>;

const durationOf = (row: KpiRow, name: Duration) => ({
  count: row[`${name}_count`] ?? 0,
  p50Seconds: row[`${name}_p50`],
  p90Seconds: row[`${name}_p90`],
  meanSeconds: row[`${name}_mean`],
});

const kpisOf = (row: KpiRow): ServiceKpis => ({
  tickets: row.tickets ?? 0,
  firstResponse: durationOf(row, 'first_response'),
  stationAcceptance: durationOf(row, 'acceptance'),
  resolution: durationOf(row, 'resolution'),
  slaBreachRate: row.sla_breach_rate,
  satisfaction: { count: row.satisfaction_count ?? 0, average: row.satisfaction_average },
  reopenRate: row.reopen_rate,
});

const FACT_COLUMNS = `f.ticket_id AS "ticketId", f.ticket_number AS "ticketNumber", f.opened_at AS "openedAt",
  f.quality_type AS "qualityType", f.severity, f.status, f.station_id AS "stationId", s.name AS "stationName",
  s.region, v.model, f.first_response_at AS "firstResponseAt", f.accepted_at AS "acceptedAt",
  f.resolved_at AS "resolvedAt", f.closed_at AS "closedAt", cardinality(f.reopen_event_ids) AS "reopenCount",
  (f.response_breached OR f.resolution_breached) AS "slaBreached", f.satisfaction_score AS "satisfactionScore"`;

const iso = (value: Date | null) => value?.toISOString() ?? null;
const factOf = (row: Record<string, unknown>): TicketFactView => ({
  ...(row as unknown as TicketFactView),
  openedAt: (row.openedAt as Date).toISOString(),
  firstResponseAt: iso(row.firstResponseAt as Date | null),
  acceptedAt: iso(row.acceptedAt as Date | null),
  resolvedAt: iso(row.resolvedAt as Date | null),
  closedAt: iso(row.closedAt as Date | null),
});

/** Reads the service KPIs from the ticket facts in set-based SQL (percentiles in the database). */
@Injectable()
export class ServiceKpiRepository {
  constructor(private readonly db: DataSource) {}

  async overall(filter: FactFilter): Promise<ServiceKpis> {
    const rows: KpiRow[] = await this.db.query(`SELECT ${KPI_COLUMNS} FROM ${FACTS}`, filterParams(filter));
    return kpisOf(rows[0]);
  }

  /** One scorecard per station with tickets in the window, busiest first. */
  async scorecards(filter: FactFilter, page: Paging): Promise<{ items: StationScorecard[]; total: number }> {
    const rows: Array<
      KpiRow & { station_id: string; name: string | null; region: string | null; total: number }
    > = await this.db.query(
      `SELECT f.station_id, s.name, s.region, count(*) OVER ()::int AS total, ${KPI_COLUMNS}
         FROM ${FACTS} AND f.station_id IS NOT NULL
         GROUP BY f.station_id, s.name, s.region
         ORDER BY count(*) DESC, f.station_id LIMIT $7 OFFSET $8`,
      [...filterParams(filter), page.limit, page.offset],
    );
    return {
      items: rows.map((row) => ({
        stationId: row.station_id,
        stationName: row.name,
        region: row.region,
        kpis: kpisOf(row),
      })),
      total: rows[0]?.total ?? (page.offset > 0 ? await this.countStations(filter) : 0),
    };
  }

  async station(stationId: string): Promise<{ name: string | null; region: string | null }> {
    const rows: Array<{ name: string; region: string | null }> = await this.db.query(
      `SELECT name, region FROM ${LIVE_TABLES.station} WHERE station_id = $1`,
      [stationId],
    );
    return rows[0] ?? { name: null, region: null };
  }

  async facts(filter: FactFilter, page: Paging): Promise<{ items: TicketFactView[]; total: number }> {
    const [rows, counted] = await Promise.all([
      this.db.query(
        `SELECT ${FACT_COLUMNS} FROM ${FACTS} ORDER BY f.opened_at, f.ticket_id LIMIT $7 OFFSET $8`,
        [...filterParams(filter), page.limit, page.offset],
      ),
      this.db.query(`SELECT count(*)::int AS total FROM ${FACTS}`, filterParams(filter)),
    ]);
    return { items: rows.map(factOf), total: counted[0].total };
  }

  /** The next keyset batch after `after` (oldest first): what the CSV export streams. */
  async factsAfter(filter: FactFilter, after: FactCursor | null, limit: number): Promise<TicketFactView[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${FACT_COLUMNS} FROM ${FACTS}
         AND ($7::timestamptz IS NULL OR (f.opened_at, f.ticket_id) > ($7::timestamptz, $8::uuid))
       ORDER BY f.opened_at, f.ticket_id LIMIT $9`,
      [...filterParams(filter), after?.openedAt ?? null, after?.ticketId ?? null, limit],
    );
    return rows.map(factOf);
  }

  /** The newest event time any ticket fact has applied: the projection's freshness. */
  async newestEventAt(): Promise<Date | null> {
    const rows: Array<{ newest: Date | null }> = await this.db.query(
      `SELECT max(last_event_at) AS newest FROM ${LIVE_TABLES.ticketFact}`,
    );
    return rows[0].newest;
  }

  private async countStations(filter: FactFilter): Promise<number> {
    const rows: Array<{ total: number }> = await this.db.query(
      `SELECT count(DISTINCT f.station_id)::int AS total FROM ${FACTS}`,
      filterParams(filter),
    );
    return rows[0].total;
  }
}
