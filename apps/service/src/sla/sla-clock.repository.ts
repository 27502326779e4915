import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BreachKind, SlaClock } from './sla-clock';

const DUE_COLUMN: Record<BreachKind, string> = {
  response: 'response_due_at',
  resolution: 'resolution_due_at',
};

interface SlaClockRow {
  ticket_id: string;
  response_due_at: Date | null;
  resolution_due_at: Date | null;
}

const fromRow = (row: SlaClockRow): SlaClock => ({
  ticketId: row.ticket_id,
  response: row.response_due_at?.toISOString() ?? null,
  resolution: row.resolution_due_at?.toISOString() ?? null,
});

/** The SLA concern's own table: one row per ticket with a running clock. */
@Injectable()
export class SlaClockRepository {
  /** Keeps the row in step with the ticket; a ticket with no clock running has none. */
  async save(tx: EntityManager, clock: SlaClock): Promise<void> {
    if (!clock.response && !clock.resolution) {
      await tx.query(`DELETE FROM service.sla_clock WHERE ticket_id = $1`, [clock.ticketId]);
      return;
    }
    await tx.query(
      `INSERT INTO service.sla_clock (ticket_id, response_due_at, resolution_due_at) VALUES ($1, $2, $3)
       ON CONFLICT (ticket_id) DO UPDATE
         SET response_due_at = EXCLUDED.response_due_at, resolution_due_at = EXCLUDED.resolution_due_at`,
      [clock.ticketId, clock.response, clock.resolution],
    );
  }

  async find(tx: EntityManager, ticketId: string): Promise<SlaClock | null> {
    const rows: SlaClockRow[] = await tx.query(
      `SELECT ticket_id, response_due_at, resolution_due_at FROM service.sla_clock WHERE ticket_id = $1`,
      [ticketId],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** Tickets whose `kind` target is due by `now`, earliest first. */
  async overdue(tx: EntityManager, kind: BreachKind, now: Date, limit: number): Promise<string[]> {
    const due = DUE_COLUMN[kind];
    const rows: { ticket_id: string }[] = await tx.query(
      `SELECT ticket_id FROM service.sla_clock WHERE ${due} <= $1 ORDER BY ${due}, ticket_id LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.ticket_id);
  }
}
