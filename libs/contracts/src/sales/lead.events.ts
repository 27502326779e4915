import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { LEAD_ASSIGNMENT_STRATEGIES, LEAD_SOURCES, LEAD_STATUSES, leadInterestSchema } from './sales.schemas';

export const LeadCaptured = defineEvent({
  type: 'lead.captured',
  version: 1,
  aggregateType: 'lead',
  description:
    'A prospect was captured (web form, dealer, showroom, ...); customerId is set when it matched a known customer.',
  payload: z.object({
    leadId: z.uuid(),
    source: z.enum(LEAD_SOURCES),
    status: z.enum(LEAD_STATUSES),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    customerId: z.uuid().nullable(),
    ownerId: z.string().nullable(),
    partnerId: z.uuid().nullable(),
    score: z.number().int().min(0).max(100),
    interest: leadInterestSchema,
    campaignId: z.uuid().nullable(),
    capturedAt: z.iso.datetime(),
  }),
});

export const LeadConverted = defineEvent({
  type: 'lead.converted',
  version: 1,
  aggregateType: 'lead',
  description: 'A qualified lead became an opportunity, linked to its customer when one is known.',
  payload: z.object({
    leadId: z.uuid(),
    opportunityId: z.uuid(),
    customerId: z.uuid().nullable(),
    ownerId: z.string(),
    partnerId: z.uuid().nullable(),
    source: z.enum(LEAD_SOURCES),
    convertedAt: z.iso.datetime(),
  }),
});

export const LeadAssigned = defineEvent({
  type: 'lead.assigned',
  version: 1,
  aggregateType: 'lead',
  description:
    'A lead was placed by a rule, on capture or on request: with the nearest dealer selling its model (partnerId) or with the next rep of a team in turn (ownerId).',
  payload: z.object({
    leadId: z.uuid(),
    strategy: z.enum(LEAD_ASSIGNMENT_STRATEGIES),
    /** The dealer chosen (nearest-dealer), else the dealer the lead already had. */
    partnerId: z.uuid().nullable(),
    /** The rep chosen (round-robin), else the owner the lead already had. */
    ownerId: z.string().nullable(),
    /** The team whose turn was taken (round-robin only). */
    managerId: z.string().nullable(),
    decidedBy: z.string(),
    decidedAt: z.iso.datetime(),
  }),
});

export const LEAD_EVENTS = [LeadCaptured, LeadConverted, LeadAssigned] as const;
