import type { StationTicket } from './station-queries';

export interface TicketSla {
  /** The clock the station is on now: accepting a routed ticket, or resolving an accepted one. */
  clock: 'response' | 'resolution';
  dueAt: string;
  breached: boolean;
}

const DONE = ['resolved', 'closed'];

/** The SLA clock that concerns the station now (ADR 0041's rules, read from the ticket); null once it is done. */
export function ticketSla(ticket: StationTicket, now: Date): TicketSla | null {
  if (DONE.includes(ticket.status)) return null;
  const clock = ticket.status === 'routed' ? 'response' : 'resolution';
  const dueAt = clock === 'response' ? ticket.responseDueAt : ticket.resolutionDueAt;
  if (!dueAt) return null;
  const breachedAt = clock === 'response' ? ticket.responseBreachedAt : ticket.resolutionBreachedAt;
  return { clock, dueAt, breached: breachedAt !== null || Date.parse(dueAt) <= now.getTime() };
}
