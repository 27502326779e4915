import { Ticket } from '../tickets/ticket';

/** One SLA target as the board shows it (ADR 0041). */
export interface SlaClockView {
  dueAt: string | null;
  breachedAt: string | null;
  /** pending: not started; running: counting; met: stopped in time; breached: escalated or past due while running. */
  state: 'pending' | 'running' | 'met' | 'breached';
  breached: boolean;
  /** Until due while running; negative once past due and not yet escalated; null otherwise. */
  remainingMs: number | null;
}

export interface TicketSlaView {
  /** The station's first response, which is its acceptance: from routing, in the station's opening hours. */
  response: SlaClockView;
  /** From opening to resolution, in calendar time. */
  resolution: SlaClockView;
}

const RESOLUTION_STOPPED: ReadonlySet<Ticket['status']> = new Set(['resolved', 'closed']);

function view(dueAt: string | null, breachedAt: string | null, runs: boolean, now: Date): SlaClockView {
  if (breachedAt) return { dueAt, breachedAt, state: 'breached', breached: true, remainingMs: null };
  if (!dueAt) return { dueAt, breachedAt, state: 'pending', breached: false, remainingMs: null };
  if (!runs) return { dueAt, breachedAt, state: 'met', breached: false, remainingMs: null };
  const remainingMs = new Date(dueAt).getTime() - now.getTime();
  const overdue = remainingMs <= 0;
  return { dueAt, breachedAt, state: overdue ? 'breached' : 'running', breached: overdue, remainingMs };
}

/** The ticket's two SLA clocks at `now`; a clock past due counts as breached before the checker escalates it. */
export function slaViewOf(ticket: Ticket, now: Date): TicketSlaView {
  return {
    response: view(ticket.responseDueAt, ticket.responseBreachedAt, ticket.status === 'routed', now),
    resolution: view(
      ticket.resolutionDueAt,
      ticket.resolutionBreachedAt,
      !RESOLUTION_STOPPED.has(ticket.status),
      now,
    ),
  };
}
