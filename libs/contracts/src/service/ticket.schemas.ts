import { z } from 'zod';
import { ALL_QUALITY_TYPES } from '../quality-types';
import { geoPointSchema } from '../shared-schemas';

export const TICKET_STATUSES = [
  'new',
  'routed',
  'accepted',
  'in_progress',
  'resolved',
  'closed',
  'declined',
  'escalated',
  'reopened',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const COMPLAINT_CHANNELS = ['phone', 'email', 'sms', 'web'] as const;

/** What every ticket event carries, so consumers (call center, analytics, dealers) need no call back. */
export const ticketSummarySchema = z.object({
  ticketId: z.uuid(),
  ticketNumber: z.string(),
  customerId: z.uuid(),
  vehicleId: z.uuid().nullable(),
  vin: z.string().nullable(),
  sellingDealerId: z.uuid().nullable(),
  qualityType: z.enum(ALL_QUALITY_TYPES),
  severity: z.enum(SEVERITIES),
  status: z.enum(TICKET_STATUSES),
  description: z.string(),
  channel: z.enum(COMPLAINT_CHANNELS),
  stationId: z.uuid().nullable(),
  location: geoPointSchema.nullable(),
  openedAt: z.iso.datetime(),
});
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

export const routingCandidateSchema = z.object({
  stationId: z.uuid(),
  name: z.string(),
  distanceMeters: z.number(),
  eligible: z.boolean(),
  reason: z.string(),
});
