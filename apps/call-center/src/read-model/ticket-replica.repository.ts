import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PayloadOf, RepairRecorded, TicketSatisfactionRecorded, TicketSummary } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql, incomingEventIsNewerSql } from '@crm/messaging';

const NEWER_TICKET = excludedEventIsNewerSql('call_center.ticket', {
  sequence: 'source_sequence',
  occurredAt: 'updated_at',
});
const NEWER_RATING = incomingEventIsNewerSql(
  { sequence: '$5::bigint', occurredAt: '$4::timestamptz' },
  { sequence: 'satisfaction_sequence', occurredAt: 'satisfaction_recorded_at' },
);

/** Tickets and repairs as the service app announces them; the 360 reads them back. A ticket event older than the
 * copy (ADR 0021) changes nothing, so a replay or a late event never brings back an earlier status. */
@Injectable()
export class TicketReplicaRepository {
  async upsertTicket(
    tx: EntityManager,
    t: TicketSummary,
    order: EventOrder,
    acceptedBy: string | null,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO call_center.ticket (id, number, customer_id, vehicle_id, quality_type, severity, status,
         description, channel, station_id, accepted_by, opened_at, updated_at, source_sequence)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, severity = EXCLUDED.severity,
         quality_type = EXCLUDED.quality_type, station_id = EXCLUDED.station_id,
         accepted_by = coalesce(EXCLUDED.accepted_by, call_center.ticket.accepted_by),
         updated_at = EXCLUDED.updated_at, source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER_TICKET}`,
      [
        t.ticketId,
        t.ticketNumber,
        t.customerId,
        t.vehicleId,
        t.qualityType,
        t.severity,
        t.status,
        t.description,
        t.channel,
        t.stationId,
        acceptedBy,
        t.openedAt,
        order.occurredAt,
        order.sequence,
      ],
    );
  }

  /** The latest rating wins: a customer may rate again, and a replayed older rating changes nothing. */
  async recordSatisfaction(
    tx: EntityManager,
    rating: PayloadOf<typeof TicketSatisfactionRecorded>,
    order: EventOrder,
  ): Promise<void> {
    await tx.query(
      `UPDATE call_center.ticket
          SET satisfaction_score = $2, satisfaction_comment = $3, satisfaction_recorded_at = $4,
              satisfaction_sequence = $5
        WHERE id = $1 AND ${NEWER_RATING}`,
      [rating.ticketId, rating.score, rating.comment, order.occurredAt, order.sequence],
    );
  }

  async insertRepair(tx: EntityManager, r: PayloadOf<typeof RepairRecorded>): Promise<void> {
    await tx.query(
      `INSERT INTO call_center.repair (id, ticket_id, ticket_number, customer_id, vehicle_id, vin, station_id,
         station_name, quality_type, work_done, technician, repaired_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) ON CONFLICT (id) DO NOTHING`,
      [
        r.repairId,
        r.ticketId,
        r.ticketNumber,
        r.customerId,
        r.vehicleId,
        r.vin,
        r.stationId,
        r.stationName,
        r.qualityType,
        r.workDone,
        r.technician,
        r.repairedAt,
      ],
    );
  }
}
