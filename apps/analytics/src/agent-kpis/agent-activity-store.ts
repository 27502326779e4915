import { EntityManager } from 'typeorm';
import {
  changingCustomerIds,
  currentCustomerId,
  resolvingCustomerIds,
} from '../customer-value/customer-identity';
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

  /** Set-based (ADR 0045): one insert for a batch of contacts; a contact already held stays as it is. */
  async addInteractions(tx: EntityManager, contacts: AgentInteraction[]): Promise<void> {
    await resolvingCustomerIds(tx);
    await tx.query(
      `INSERT INTO ${this.tables.agentInteraction} (interaction_id, agent_id, customer_id, channel, direction,
         duration_seconds, occurred_at, event_at, event_id)
       SELECT c.interaction_id, c.agent_id, ${currentCustomerId('c.customer_id')}, c.channel, c.direction,
         c.duration_seconds, c.occurred_at, c.event_at, c.event_id
       FROM jsonb_to_recordset($1::jsonb) AS c (interaction_id uuid, agent_id text, customer_id uuid, channel text,
         direction text, duration_seconds int, occurred_at timestamptz, event_at timestamptz, event_id uuid)
       ORDER BY c.interaction_id
       ON CONFLICT (interaction_id) DO NOTHING`,
      [
        JSON.stringify(
          contacts.map((contact) => ({
            interaction_id: contact.interactionId,
            agent_id: contact.agentId,
            customer_id: contact.customerId,
            channel: contact.channel,
            direction: contact.direction,
            duration_seconds: contact.durationSeconds,
            occurred_at: contact.occurredAt,
            event_at: contact.eventAt,
            event_id: contact.eventId,
          })),
        ),
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
    await changingCustomerIds(tx);
    await tx.query(`UPDATE ${this.tables.agentInteraction} SET customer_id = NULL WHERE customer_id = $1`, [
      customerId,
    ]);
  }
}
