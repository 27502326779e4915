import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Ticket } from '../tickets/ticket';
import { fromTicketRow, TICKET_COLUMNS, TicketRow } from '../tickets/ticket-row';

export interface BoardFilter {
  status?: string;
  stationId?: string;
  region?: string;
  qualityType?: string;
  breached?: boolean;
  limit: number;
  offset: number;
}

export interface StationRef {
  stationId: string;
  code: string;
  name: string;
  province: string | null;
  city: string | null;
}

export interface BoardTicket {
  ticket: Ticket;
  station: StationRef | null;
  /** From the customer replica; null until the customer master has told us the name. */
  customerName: string | null;
  /** Who repaired it, once the station recorded the repair. */
  technician: string | null;
}

export interface StationLoad {
  stationId: string;
  openTickets: number;
  breachedTickets: number;
}

const T_COLUMNS = TICKET_COLUMNS.split(',')
  .map((column) => `t.${column.trim()}`)
  .join(', ');
const CLOSED = `('resolved', 'closed')`;
/** Escalated, or past a due time of a clock still running (the checker has not escalated it yet). */
const BREACHED = `(t.response_breached_at IS NOT NULL OR t.resolution_breached_at IS NOT NULL
    OR (t.status = 'routed' AND t.response_due_at <= $1)
    OR (t.status NOT IN ${CLOSED} AND t.resolution_due_at <= $1))`;
const REGION = `($2::text IS NULL OR s.address->>'province' = $2 OR s.address->>'city' = $2)`;

/** Tickets with their station, customer and technician names, and the count of all that match. */
const ROWS = `SELECT ${T_COLUMNS}, s.id AS s_id, s.code AS s_code, s.name AS s_name,
       s.address->>'province' AS s_province, s.address->>'city' AS s_city, c.name AS customer_name,
       (SELECT r.technician FROM service.repair_record r WHERE r.ticket_id = t.id
         ORDER BY r.repaired_at DESC LIMIT 1) AS technician,
       count(*) OVER () AS total
  FROM service.ticket t LEFT JOIN service.station s ON s.id = t.station_id
  LEFT JOIN service.customer_contact c ON c.customer_id = t.customer_id`;

type Row = TicketRow & {
  s_id: string | null;
  s_code: string | null;
  s_name: string | null;
  s_province: string | null;
  s_city: string | null;
  customer_name: string | null;
  technician: string | null;
  total: string;
};

const toBoardTicket = (row: Row): BoardTicket => ({
  ticket: fromTicketRow(row),
  station: row.s_id
    ? {
        stationId: row.s_id,
        code: row.s_code as string,
        name: row.s_name as string,
        province: row.s_province,
        city: row.s_city,
      }
    : null,
  customerName: row.customer_name,
  technician: row.technician,
});

/** The service manager's reads: tickets with their station, customer and technician names, and each station's open work. */
@Injectable()
export class BoardRepository {
  constructor(private readonly dataSource: DataSource) {}

  async tickets(f: BoardFilter, now: Date): Promise<{ items: BoardTicket[]; total: number }> {
    return this.page(
      `($3::text IS NULL OR t.status = $3) AND ($4::uuid IS NULL OR t.station_id = $4)
        AND ($5::text IS NULL OR t.quality_type = $5) AND ($6::boolean IS NULL OR ${BREACHED} = $6)`,
      `t.opened_at DESC, t.number DESC`,
      [now, f.region, f.status, f.stationId, f.qualityType, f.breached],
      f,
    );
  }

  /** One ticket as a board row, whatever its region; null when there is none. */
  async ticket(ticketId: string): Promise<BoardTicket | null> {
    const rows: Row[] = await this.dataSource.query(`${ROWS} WHERE t.id = $1`, [ticketId]);
    return rows[0] ? toBoardTicket(rows[0]) : null;
  }

  /** Breached tickets still being worked on, the longest-overdue first. */
  async escalations(region: string | undefined, page: { limit: number; offset: number }, now: Date) {
    return this.page(
      `${BREACHED} AND t.status NOT IN ${CLOSED}`,
      `LEAST(t.response_breached_at, t.resolution_breached_at,
          CASE WHEN t.status = 'routed' THEN t.response_due_at END, t.resolution_due_at) ASC NULLS LAST, t.number`,
      [now, region],
      page,
    );
  }

  /** Open (not resolved or closed) and breached tickets per station, for the stations listed. */
  async stationLoads(stationIds: string[], now: Date): Promise<Map<string, StationLoad>> {
    const rows: { station_id: string; open: string; breached: string }[] = await this.dataSource.query(
      `SELECT t.station_id, count(*) AS open, count(*) FILTER (WHERE ${BREACHED}) AS breached
         FROM service.ticket t WHERE t.station_id = ANY($2::uuid[]) AND t.status NOT IN ${CLOSED}
        GROUP BY t.station_id`,
      [now, stationIds],
    );
    return new Map(
      rows.map((row) => [
        row.station_id,
        { stationId: row.station_id, openTickets: Number(row.open), breachedTickets: Number(row.breached) },
      ]),
    );
  }

  private async page(
    where: string,
    orderBy: string,
    params: unknown[],
    page: { limit: number; offset: number },
  ): Promise<{ items: BoardTicket[]; total: number }> {
    const n = params.length;
    const rows: Row[] = await this.dataSource.query(
      `${ROWS}
        WHERE ${REGION} AND ${where}
        ORDER BY ${orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params.map((v) => v ?? null), page.limit, page.offset],
    );
    return { items: rows.map(toBoardTicket), total: rows[0] ? Number(rows[0].total) : 0 };
  }
}
