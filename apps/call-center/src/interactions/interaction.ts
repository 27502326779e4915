import { INTERACTION_CHANNELS } from '@crm/contracts';

export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];
export type InteractionDirection = 'inbound' | 'outbound';
export type InteractionKind = 'contact' | 'complaint';

/** One contact with a customer on any channel, on their timeline. */
export interface Interaction {
  interactionId: string;
  customerId: string;
  kind: InteractionKind;
  channel: InteractionChannel;
  direction: InteractionDirection;
  agentId: string;
  subject: string;
  notes: string | null;
  outcome: string | null;
  durationSeconds: number | null;
  ticketId: string | null;
  vehicleId: string | null;
  qualityType: string | null;
  occurredAt: string;
}
