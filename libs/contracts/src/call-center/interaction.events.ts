import { z } from 'zod';
import { ALL_QUALITY_TYPES } from '../quality-types';
import { defineEvent } from '../event-definition';
import { geoPointSchema } from '../shared-schemas';
import { COMPLAINT_CHANNELS } from '../service/ticket.schemas';

export const INTERACTION_CHANNELS = ['phone', 'email', 'sms', 'web'] as const;

export const InteractionRecorded = defineEvent({
  type: 'interaction.recorded',
  version: 1,
  aggregateType: 'interaction',
  description: 'A contact with a customer on any channel, attached to their timeline.',
  payload: z.object({
    interactionId: z.uuid(),
    customerId: z.uuid().nullable(),
    channel: z.enum(INTERACTION_CHANNELS),
    direction: z.enum(['inbound', 'outbound']),
    agentId: z.string(),
    subject: z.string(),
    notes: z.string().nullable(),
    outcome: z.string().nullable(),
    durationSeconds: z.number().int().min(0).nullable(),
    occurredAt: z.iso.datetime(),
    /** The campaign the contact answered, when the agent tagged one; absent from producers that predate it. */
    campaignId: z.uuid().nullable().optional(),
  }),
});

/**
 * The agent recorded a complaint; the service app turns it into a ticket with the given id, so
 * the agent can quote the ticket at once even when the service app is busy or down (ADR 0005).
 */
export const ComplaintRecorded = defineEvent({
  type: 'interaction.complaint-recorded',
  version: 1,
  aggregateType: 'interaction',
  description: 'An agent recorded a customer complaint; the service app opens the ticket with this id.',
  payload: z.object({
    interactionId: z.uuid(),
    ticketId: z.uuid(),
    customerId: z.uuid(),
    vehicleId: z.uuid().nullable(),
    vin: z.string().nullable(),
    brand: z.string().nullable(),
    sellingDealerId: z.uuid().nullable(),
    qualityType: z.enum(ALL_QUALITY_TYPES),
    description: z.string(),
    channel: z.enum(COMPLAINT_CHANNELS),
    location: geoPointSchema.nullable(),
    agentId: z.string(),
    /** The agent's name as signed in, for the ticket's history; absent from producers that predate it. */
    agentName: z.string().nullable().optional(),
  }),
});
