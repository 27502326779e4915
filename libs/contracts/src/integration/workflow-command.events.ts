import { z } from 'zod';
import { defineEvent } from '../event-definition';

/** A customer's tags: at most this many, each at most this long (customer-master's rule, shared with workflow). */
export const MAX_CUSTOMER_TAGS = 20;
export const MAX_CUSTOMER_TAG_LENGTH = 50;

const requestedBy = {
  /** The workflow rule and firing that asked: the owner may show or audit it. */
  ruleId: z.uuid(),
  firingId: z.uuid(),
  requestedAt: z.iso.datetime(),
};

/**
 * Commands from workflow rules (integration, ADR 0043) to the service owning the record, which applies them under its
 * own rules and publishes its usual events. Keyed by the record's id, so one record's commands keep their order.
 */
export const CustomerTagRequested = defineEvent({
  type: 'workflow-command.customer-tag-requested',
  version: 1,
  aggregateType: 'workflow-command',
  description:
    "A workflow rule's add-tag action: customer-master adds the tag to the customer (following a merge to the survivor; a tag present already, a full tag list or a customer gone changes nothing) and publishes customer.updated. Keyed by customer id.",
  payload: z.object({
    customerId: z.uuid(),
    tag: z.string().min(1).max(MAX_CUSTOMER_TAG_LENGTH),
    ...requestedBy,
  }),
});

export const TicketEscalationRequested = defineEvent({
  type: 'workflow-command.ticket-escalation-requested',
  version: 1,
  aggregateType: 'workflow-command',
  description:
    "A workflow rule's escalate-ticket action: the service app escalates the ticket (ticket.escalated, reason manual) unless it is resolved, closed or escalated already. Keyed by ticket id.",
  payload: z.object({
    ticketId: z.uuid(),
    /** Why, for the ticket's timeline. */
    note: z.string().max(500),
    ...requestedBy,
  }),
});

export const TicketAssignmentRequested = defineEvent({
  type: 'workflow-command.ticket-assignment-requested',
  version: 1,
  aggregateType: 'workflow-command',
  description:
    "A workflow rule's assign-ticket action: the service app sends the ticket to the named repair station as a service manager's re-route does (ticket.routed, the rules the station fails recorded as overridden), unless the ticket is resolved, closed, unknown or at that station already, or the station is inactive, full or unknown, which changes nothing. Keyed by ticket id.",
  payload: z.object({
    ticketId: z.uuid(),
    stationId: z.uuid(),
    /** Why, for the ticket's timeline. */
    note: z.string().max(500),
    ...requestedBy,
  }),
});

export const WORKFLOW_COMMAND_EVENTS = [
  CustomerTagRequested,
  TicketEscalationRequested,
  TicketAssignmentRequested,
] as const;
