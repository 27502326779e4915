import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Stations that declined a ticket are never offered it again. */
@Injectable()
export class TicketDeclineRepository {
  async add(tx: EntityManager, ticketId: string, stationId: string, reason: string, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO service.ticket_decline (ticket_id, station_id, reason, declined_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [ticketId, stationId, reason, at],
    );
  }

  async stationsFor(tx: EntityManager, ticketId: string): Promise<string[]> {
    const rows: { station_id: string }[] = await tx.query(
      `SELECT station_id FROM service.ticket_decline WHERE ticket_id = $1`,
      [ticketId],
    );
    return rows.map((row) => row.station_id);
  }
}
