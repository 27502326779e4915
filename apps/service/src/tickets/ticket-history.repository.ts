import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, TicketStatus } from '@crm/contracts';

/**
 * Who did a step. `name`: a user's as their token gave it when they acted (the service app keeps no users), a
 * station's as its replica names it now; null for the system, the customer and rows from before names were kept.
 */
export interface TicketActor {
  id: string;
  kind: Actor['kind'];
  name: string | null;
}

export interface TicketHistoryEntry {
  step: string;
  status: TicketStatus;
  actor: TicketActor;
  stationId: string | null;
  note: string | null;
  at: string;
}

interface HistoryRow {
  step: string;
  status: TicketStatus;
  actor_id: string;
  actor_kind: Actor['kind'];
  actor_name: string | null;
  station_id: string | null;
  note: string | null;
  at: Date;
}

/** One row per transition: what happened, who did it, when. */
@Injectable()
export class TicketHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(tx: EntityManager, ticketId: string, e: TicketHistoryEntry): Promise<void> {
    await tx.query(
      `INSERT INTO service.ticket_event
         (ticket_id, step, status, actor_id, actor_kind, actor_name, station_id, note, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [ticketId, e.step, e.status, e.actor.id, e.actor.kind, e.actor.name, e.stationId, e.note, e.at],
    );
  }

  async forTicket(ticketId: string): Promise<TicketHistoryEntry[]> {
    const rows: HistoryRow[] = await this.dataSource.query(
      `SELECT e.step, e.status, e.actor_id, e.actor_kind, e.station_id, e.note, e.at,
              CASE WHEN e.actor_kind = 'partner' THEN s.name ELSE e.actor_name END AS actor_name
         FROM service.ticket_event e LEFT JOIN service.station s ON s.id = e.station_id
        WHERE e.ticket_id = $1 ORDER BY e.id`,
      [ticketId],
    );
    return rows.map((r) => ({
      step: r.step,
      status: r.status,
      actor: { id: r.actor_id, kind: r.actor_kind, name: r.actor_name },
      stationId: r.station_id,
      note: r.note,
      at: r.at.toISOString(),
    }));
  }
}
