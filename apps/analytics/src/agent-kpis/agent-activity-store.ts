import { EntityManager } from 'typeorm';
import { currentCustomerId } from '../customer-value/customer-identity';
import { AgentKpiTables } from './agent-kpi-tables';

export interface AgentInteraction {
  interactionId: string;
  agentId: string;
  customerId: string | null;
  channel: string;
  direction: 'inbound' | 'outbound';
  durationSeconds: number | null;
  occurredAt: string;
  eventAt: string;
  eventId: string;
}

export interface AgentComplaint {
  interactionId: string;
  ticketId: string;
  agentId: string;
  recordedAt: string;
  eventId: string;
}

/**
 * The call-center projections in PostgreSQL. A contact and a complaint are facts recorded once; a copy of
 * either adds nothing. The customer id is kept only to see a repeat contact, and is null once erased.
 */
export class AgentActivityStore {
  constructor(private readonly tables: AgentKpiTables) {}

  async addInteraction(tx: EntityManager, contact: AgentInteraction): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.tables.agentInteraction} (interaction_id, agent_id, customer_id, channel, direction,
         duration_seconds, occurred_at, event_at, event_id)
       VALUES ($1, $2, ${currentCustomerId('$3')}, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (interaction_id) DO NOTHING`,
      [
        contact.interactionId,
        contact.agentId,
        contact.customerId,
        contact.channel,
        contact.direction,
        contact.durationSeconds,
        contact.occurredAt,
        contact.eventAt,
        contact.eventId,
      ],
    );
  }

  async addComplaint(tx: EntityManager, complaint: AgentComplaint): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.tables.agentComplaint} (interaction_id, ticket_id, agent_id, recorded_at, event_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (interaction_id) DO NOTHING`,
      [
        complaint.interactionId,
        complaint.ticketId,
        complaint.agentId,
        complaint.recordedAt,
        complaint.eventId,
      ],
    );
  }

  async eraseCustomer(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`UPDATE ${this.tables.agentInteraction} SET customer_id = NULL WHERE customer_id = $1`, [
      customerId,
    ]);
  }
}
