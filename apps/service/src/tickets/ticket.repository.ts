import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Ticket } from './ticket';
import { fromTicketRow, TICKET_COLUMNS, TicketRow, toTicketParams } from './ticket-row';

export interface TicketFilter {
  status?: string;
  customerId?: string;
  stationId?: string;
  sellingDealerId?: string;
  qualityType?: string;
  escalated?: boolean;
  limit: number;
  offset: number;
}

@Injectable()
export class TicketRepository {
  constructor(private readonly dataSource: DataSource) {}

  async nextSequence(tx: EntityManager): Promise<number> {
    const rows = await tx.query(`SELECT nextval('service.ticket_number_seq') AS n`);
    return Number(rows[0].n);
  }

  /** False when a ticket with this id exists already (a redelivered complaint). */
  async insert(tx: EntityManager, ticket: Ticket): Promise<boolean> {
    const params = toTicketParams(ticket);
    const placeholders = params.map((_, i) => `$${i + 1}`).join(', ');
    const rows = await tx.query(
      `INSERT INTO service.ticket (${TICKET_COLUMNS}) VALUES (${placeholders}) ON CONFLICT (id) DO NOTHING RETURNING id`,
      params,
    );
    return rows.length > 0;
  }

  async update(tx: EntityManager, ticket: Ticket): Promise<void> {
    const params = toTicketParams(ticket);
    const assignments = TICKET_COLUMNS.split(',')
      .map((column, i) => `${column.trim()} = $${i + 1}`)
      .slice(1)
      .join(', ');
    await tx.query(`UPDATE service.ticket SET ${assignments}, updated_at = now() WHERE id = $1`, params);
  }

  async findById(
    id: string,
    tx: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Ticket | null> {
    const rows: TicketRow[] = await tx.query(
      `SELECT ${TICKET_COLUMNS} FROM service.ticket WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? fromTicketRow(rows[0]) : null;
  }

  async list(f: TicketFilter): Promise<Ticket[]> {
    const rows: TicketRow[] = await this.dataSource.query(
      `SELECT ${TICKET_COLUMNS} FROM service.ticket
        WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR customer_id = $2)
          AND ($3::uuid IS NULL OR station_id = $3) AND ($4::uuid IS NULL OR selling_dealer_id = $4)
          AND ($5::text IS NULL OR quality_type = $5)
          AND ($6::boolean IS NULL OR (response_breached_at IS NOT NULL OR resolution_breached_at IS NOT NULL
                OR escalated_at IS NOT NULL) = $6)
        ORDER BY opened_at DESC, number DESC LIMIT $7 OFFSET $8`,
      [
        f.status,
        f.customerId,
        f.stationId,
        f.sellingDealerId,
        f.qualityType,
        f.escalated,
        f.limit,
        f.offset,
      ].map((v) => v ?? null),
    );
    return rows.map(fromTicketRow);
  }

  async isAssignedTo(stationId: string, ticketId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM service.ticket WHERE id = $1 AND station_id = $2`,
      [ticketId, stationId],
    );
    return rows.length > 0;
  }

  async isSoldBy(dealerId: string, ticketId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM service.ticket WHERE id = $1 AND selling_dealer_id = $2`,
      [ticketId, dealerId],
    );
    return rows.length > 0;
  }
}
