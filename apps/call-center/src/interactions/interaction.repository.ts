import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Interaction } from './interaction';

const COLUMNS = `id, customer_id, kind, channel, direction, agent_id, agent_name, subject, notes, outcome, duration_seconds,
  ticket_id, vehicle_id, quality_type, occurred_at`;

interface InteractionRow {
  id: string;
  customer_id: string;
  kind: Interaction['kind'];
  channel: Interaction['channel'];
  direction: Interaction['direction'];
  agent_id: string;
  agent_name: string | null;
  subject: string;
  notes: string | null;
  outcome: string | null;
  duration_seconds: number | null;
  ticket_id: string | null;
  vehicle_id: string | null;
  quality_type: string | null;
  occurred_at: Date;
}

function toInteraction(row: InteractionRow): Interaction {
  return {
    interactionId: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    channel: row.channel,
    direction: row.direction,
    agentId: row.agent_id,
    agentName: row.agent_name,
    subject: row.subject,
    notes: row.notes,
    outcome: row.outcome,
    durationSeconds: row.duration_seconds,
    ticketId: row.ticket_id,
    vehicleId: row.vehicle_id,
    qualityType: row.quality_type,
    occurredAt: row.occurred_at.toISOString(),
  };
}

@Injectable()
export class InteractionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, i: Interaction): Promise<void> {
    await tx.query(
      `INSERT INTO call_center.interaction (${COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
      [
        i.interactionId,
        i.customerId,
        i.kind,
        i.channel,
        i.direction,
        i.agentId,
        i.agentName,
        i.subject,
        i.notes,
        i.outcome,
        i.durationSeconds,
        i.ticketId,
        i.vehicleId,
        i.qualityType,
        i.occurredAt,
      ],
    );
  }

  /** Newest first; served by the (customer_id, occurred_at DESC) index. */
  async recentFor(customerId: string, limit: number, offset = 0): Promise<Interaction[]> {
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM call_center.interaction WHERE customer_id = $1
        ORDER BY occurred_at DESC, id LIMIT $2 OFFSET $3`,
      [customerId, limit, offset],
    );
    return rows.map(toInteraction);
  }
}
