import { Principal } from '@crm/auth';
import { INTERACTION_CHANNELS } from '@crm/contracts';

export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];
export type InteractionDirection = 'inbound' | 'outbound';
export type InteractionKind = 'contact' | 'complaint';

/** The user who handled a contact, named as their token named them at the time. */
export interface AgentRef {
  id: string;
  name: string | null;
}

export function agentOf(principal: Principal): AgentRef {
  return { id: principal.subject, name: principal.name ?? null };
}

/** One contact with a customer on any channel, on their timeline. */
export interface Interaction {
  interactionId: string;
  customerId: string;
  kind: InteractionKind;
  channel: InteractionChannel;
  direction: InteractionDirection;
  agentId: string;
  agentName: string | null;
  subject: string;
  notes: string | null;
  outcome: string | null;
  durationSeconds: number | null;
  ticketId: string | null;
  vehicleId: string | null;
  qualityType: string | null;
  occurredAt: string;
}
