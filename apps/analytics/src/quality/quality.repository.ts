import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ANALYTICS_SCHEMA } from '../analytics.constants';
import { LIVE_TABLES } from '../projections/projection-tables';

export interface CellCount {
  model: string;
  qualityType: string;
  month: string;
  complaints: number;
}

export interface CellFilter {
  fromMonth: string;
  toMonth: string;
  model?: string;
  qualityType?: string;
}

export interface QualityAlertRow {
  alertId: string;
  model: string;
  qualityType: string;
  month: string;
  complaints: number;
  vehicles: number;
  expected: number;
  upperBound: number;
  raisedAt: Date;
}

const ALERTS = `${ANALYTICS_SCHEMA}.quality_alert`;
const MONTH_OF = `to_char(f.opened_at AT TIME ZONE 'UTC', 'YYYY-MM')`;

/** Complaints (ticket facts with a known vehicle model) per model, quality type and UTC month, in [from, to]. */
const CELLS = `
  SELECT v.model, f.quality_type AS "qualityType", ${MONTH_OF} AS month, count(*)::int AS complaints
  FROM ${LIVE_TABLES.ticketFact} f JOIN ${LIVE_TABLES.vehicleModel} v ON v.vehicle_id = f.vehicle_id
  WHERE f.opened_at >= ($1 || '-01')::timestamp AT TIME ZONE 'UTC'
    AND f.opened_at < (($2 || '-01')::timestamp + interval '1 month') AT TIME ZONE 'UTC'
    AND ($3::text IS NULL OR v.model = $3) AND ($4::text IS NULL OR f.quality_type = $4)
  GROUP BY 1, 2, 3`;

const cellParams = (filter: CellFilter) => [
  filter.fromMonth,
  filter.toMonth,
  filter.model ?? null,
  filter.qualityType ?? null,
];

/** The quality figures' reads (from the ticket facts and vehicle models) and the alerts raised. */
@Injectable()
export class QualityRepository {
  constructor(private readonly db: DataSource) {}

  cells(filter: CellFilter, db: EntityManager | DataSource = this.db): Promise<CellCount[]> {
    return db.query(CELLS, cellParams(filter));
  }

  async cellPage(
    filter: CellFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: CellCount[]; total: number }> {
    const rows: Array<CellCount & { total: number }> = await this.db.query(
      `SELECT *, count(*) OVER ()::int AS total FROM (${CELLS}) c
       ORDER BY month DESC, complaints DESC, model, "qualityType" LIMIT $5 OFFSET $6`,
      [...cellParams(filter), page.limit, page.offset],
    );
    const total =
      rows[0]?.total ??
      Number((await this.db.query(`SELECT count(*) AS n FROM (${CELLS}) c`, cellParams(filter)))[0].n);
    return { items: rows.map(({ total: _total, ...cell }) => cell), total };
  }

  /** Vehicles per model: the fleet the customer master has registered, as the projection holds it now. */
  async fleet(db: EntityManager | DataSource = this.db): Promise<Map<string, number>> {
    const rows: Array<{ model: string; vehicles: number }> = await db.query(
      `SELECT model, count(*)::int AS vehicles FROM ${LIVE_TABLES.vehicleModel} GROUP BY model`,
    );
    return new Map(rows.map((row) => [row.model, row.vehicles]));
  }

  /** The month of the first ticket the projection holds: baselines do not reach before it. */
  async dataStart(db: EntityManager | DataSource = this.db): Promise<string | null> {
    const [row] = await db.query(
      `SELECT to_char(min(opened_at) AT TIME ZONE 'UTC', 'YYYY-MM') AS month FROM ${LIVE_TABLES.ticketFact}`,
    );
    return row.month;
  }

  /** How many of these tickets the figures count (their fact is in, with a vehicle of a known model). */
  async countedTickets(ticketIds: string[]): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM ${LIVE_TABLES.ticketFact} f
       JOIN ${LIVE_TABLES.vehicleModel} v ON v.vehicle_id = f.vehicle_id WHERE f.ticket_id = ANY($1::uuid[])`,
      [ticketIds],
    );
    return row.n;
  }

  /** Records the alert unless the cell's month has one; true when this call recorded it. */
  async recordAlert(tx: EntityManager, alert: QualityAlertRow): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO ${ALERTS} (model, quality_type, month, alert_id, complaints, vehicles, expected, upper_bound, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (model, quality_type, month) DO NOTHING RETURNING 1`,
      [
        alert.model,
        alert.qualityType,
        alert.month,
        alert.alertId,
        alert.complaints,
        alert.vehicles,
        alert.expected,
        alert.upperBound,
        alert.raisedAt,
      ],
    );
    return inserted.length > 0;
  }

  alerts(
    month: string | undefined,
    page: { limit: number; offset: number },
  ): Promise<Array<QualityAlertRow & { total: number }>> {
    return this.db.query(
      `SELECT alert_id AS "alertId", model, quality_type AS "qualityType", month, complaints, vehicles, expected,
         upper_bound AS "upperBound", raised_at AS "raisedAt", count(*) OVER ()::int AS total
       FROM ${ALERTS} WHERE $1::text IS NULL OR month = $1
       ORDER BY raised_at DESC, alert_id LIMIT $2 OFFSET $3`,
      [month ?? null, page.limit, page.offset],
    );
  }
}
