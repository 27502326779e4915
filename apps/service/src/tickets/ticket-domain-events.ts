import { Injectable } from '@nestjs/common';
import { DomainEvents } from '@crm/messaging';
import { Ticket } from './ticket';

/** The steps of a ticket's journal; each raises the domain event `ticket.<step>`. */
export const TICKET_STEPS = [
  'opened',
  'routed',
  'routing-failed',
  'declined',
  'accepted',
  'appointment-proposed',
  'progress',
  'resolved',
  'closed',
  'reopened',
  'escalated',
  'satisfaction-recorded',
] as const;
export type TicketStep = (typeof TICKET_STEPS)[number];

/**
 * A ticket took a step, inside the transition's transaction. `id` is the id of the integration event written for
 * the same step, so a reaction can be keyed to it (a notification is sent once per step and channel).
 */
export interface TicketStepTaken {
  id: string;
  step: TicketStep;
  ticket: Ticket;
  /** The station the step took the ticket away from, when it was assigned one (a re-route by hand). */
  takenFrom?: string | null;
}

export type TicketDomainEventMap = { [S in TicketStep as `ticket.${S}`]: TicketStepTaken };

export const ticketEventName = (step: TicketStep) => `ticket.${step}` as const;

/** What side concerns (routing, notifications, webhooks, SLA clocks) react to; the ticket core knows none of them. */
@Injectable()
export class TicketDomainEvents extends DomainEvents<TicketDomainEventMap> {}
