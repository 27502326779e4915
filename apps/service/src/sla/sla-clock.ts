import { Ticket } from '../tickets/ticket';

export type BreachKind = 'response' | 'resolution';

/**
 * A ticket's running SLA targets: a due time is set while its clock runs and the target is not yet
 * breached. The response clock runs while a station has the ticket without answering; the
 * resolution clock until the ticket is resolved or closed.
 */
export interface SlaClock {
  ticketId: string;
  response: string | null;
  resolution: string | null;
}

const STOPS_RESOLUTION: ReadonlySet<Ticket['status']> = new Set(['resolved', 'closed']);

/** The clock a ticket's state implies, read after each of its steps. */
export function slaClockOf(ticket: Ticket): SlaClock {
  const responseRuns = ticket.status === 'routed' && !ticket.responseBreachedAt;
  const resolutionRuns = !STOPS_RESOLUTION.has(ticket.status) && !ticket.resolutionBreachedAt;
  return {
    ticketId: ticket.ticketId,
    response: responseRuns ? ticket.responseDueAt : null,
    resolution: resolutionRuns ? ticket.resolutionDueAt : null,
  };
}

export function isOverdue(clock: SlaClock | null, kind: BreachKind, now: Date): boolean {
  const due = clock?.[kind];
  return !!due && new Date(due).getTime() <= now.getTime();
}
