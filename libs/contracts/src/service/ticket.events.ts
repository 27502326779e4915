import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { routingCandidateSchema, SEVERITIES, ticketSummarySchema } from './ticket.schemas';

const ticketEvent = <T extends string, S extends z.ZodType>(type: T, description: string, payload: S) =>
  defineEvent({ type, version: 1, aggregateType: 'ticket', description, payload });

export const TicketOpened = ticketEvent(
  'ticket.opened',
  'A complaint or service request became a ticket.',
  ticketSummarySchema,
);

export const TicketRouted = ticketEvent(
  'ticket.routed',
  'The ticket was assigned to the nearest able repair station; carries the decision and its reasons.',
  ticketSummarySchema.extend({
    stationId: z.uuid(),
    distanceMeters: z.number(),
    radiusKm: z.number(),
    candidates: z.array(routingCandidateSchema),
  }),
);

export const TicketRoutingFailed = ticketEvent(
  'ticket.routing-failed',
  'No active station with the skill, brand and capacity was found within the largest radius.',
  ticketSummarySchema.extend({ reason: z.string() }),
);

export const TicketAccepted = ticketEvent(
  'ticket.accepted',
  'The station accepted the ticket.',
  ticketSummarySchema.extend({ acceptedBy: z.string() }),
);

export const TicketDeclined = ticketEvent(
  'ticket.declined',
  'The station declined; the ticket is routed to the next station.',
  ticketSummarySchema.extend({ declinedStationId: z.uuid(), reason: z.string() }),
);

export const TicketAppointmentProposed = ticketEvent(
  'ticket.appointment-proposed',
  'The station proposed a time for the customer to bring the vehicle.',
  ticketSummarySchema.extend({ appointmentAt: z.iso.datetime() }),
);

export const TicketProgressUpdated = ticketEvent(
  'ticket.progress-updated',
  'The station reported progress on the repair.',
  ticketSummarySchema.extend({ note: z.string() }),
);

export const TicketResolved = ticketEvent(
  'ticket.resolved',
  'The station resolved the ticket with a repair record.',
  ticketSummarySchema.extend({ repairId: z.uuid() }),
);

export const TicketClosed = ticketEvent('ticket.closed', 'The ticket was closed.', ticketSummarySchema);

export const TicketReopened = ticketEvent(
  'ticket.reopened',
  'A resolved or closed ticket was reopened.',
  ticketSummarySchema.extend({ reason: z.string() }),
);

export const TicketEscalated = ticketEvent(
  'ticket.escalated',
  'An SLA target was breached (or a person escalated the ticket).',
  ticketSummarySchema.extend({
    reason: z.enum(['response-sla-breached', 'resolution-sla-breached', 'manual']),
    dueAt: z.iso.datetime().nullable(),
  }),
);

export const TicketSatisfactionRecorded = ticketEvent(
  'ticket.satisfaction-recorded',
  'The customer rated the handling of the ticket (1-5) with an optional comment.',
  ticketSummarySchema.extend({ score: z.number().int().min(1).max(5), comment: z.string().nullable() }),
);

export const RepairRecorded = defineEvent({
  type: 'repair.recorded',
  version: 1,
  aggregateType: 'repair',
  description: 'A repair was done on a vehicle; part of the vehicle repair history everywhere.',
  payload: z.object({
    repairId: z.uuid(),
    ticketId: z.uuid(),
    ticketNumber: z.string(),
    customerId: z.uuid(),
    vehicleId: z.uuid().nullable(),
    vin: z.string().nullable(),
    stationId: z.uuid(),
    stationName: z.string(),
    qualityType: ticketSummarySchema.shape.qualityType,
    severity: z.enum(SEVERITIES),
    workDone: z.string(),
    parts: z.array(
      z.object({ partNumber: z.string(), description: z.string(), quantity: z.number().int().min(1) }),
    ),
    cost: z.object({ amount: z.number().min(0), currency: z.string().length(3) }),
    technician: z.string(),
    repairedAt: z.iso.datetime(),
  }),
});

/** Every event of the ticket aggregate; each carries the ticket summary. */
export const TICKET_EVENTS = [
  TicketOpened,
  TicketRouted,
  TicketRoutingFailed,
  TicketAccepted,
  TicketDeclined,
  TicketAppointmentProposed,
  TicketProgressUpdated,
  TicketResolved,
  TicketClosed,
  TicketReopened,
  TicketEscalated,
  TicketSatisfactionRecorded,
] as const;
