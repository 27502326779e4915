import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, TicketStatus } from '@crm/contracts';

export interface TicketHistoryEntry {
  step: string;
  status: TicketStatus;
  actor: { id: string; kind: Actor['kind'] };
  stationId: string | null;
  note: string | null;
  at: string;
}

interface HistoryRow {
  step: string;
  status: TicketStatus;
  actor_id: string;
  actor_kind: Actor['kind'];
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
      `INSERT INTO service.ticket_event (ticket_id, step, status, actor_id, actor_kind, station_id, note, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [ticketId, e.step, e.status, e.actor.id, e.actor.kind, e.stationId, e.note, e.at],
    );
  }

  async forTicket(ticketId: string): Promise<TicketHistoryEntry[]> {
    const rows: HistoryRow[] = await this.dataSource.query(
      `SELECT step, status, actor_id, actor_kind, station_id, note, at FROM service.ticket_event
        WHERE ticket_id = $1 ORDER BY id`,
      [ticketId],
    );
    return rows.map((r) => ({
      step: r.step,
      status: r.status,
      actor: { id: r.actor_id, kind: r.actor_kind },
      stationId: r.station_id,
      note: r.note,
      at: r.at.toISOString(),
    }));
  }
}
