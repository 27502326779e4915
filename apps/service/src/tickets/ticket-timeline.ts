import { Ticket } from './ticket';
import { TicketHistoryEntry } from './ticket-history.repository';

export interface TimelineStep extends TicketHistoryEntry {
  /** Since the previous step; null for the first. */
  tookMs: number | null;
  sinceOpenedMs: number;
}

export interface Milestone {
  at: string;
  by: TicketHistoryEntry['actor'];
  sinceOpenedMs: number;
}

export interface TicketTimeline {
  ticketId: string;
  ticketNumber: string;
  status: Ticket['status'];
  reported: Milestone | null;
  routed: Milestone | null;
  accepted: Milestone | null;
  resolved: Milestone | null;
  closed: Milestone | null;
  steps: TimelineStep[];
}

const ms = (from: string, to: string) => new Date(to).getTime() - new Date(from).getTime();

/** When it was reported, routed, accepted, resolved; by whom; how long each step took. */
export function buildTimeline(ticket: Ticket, history: TicketHistoryEntry[]): TicketTimeline {
  const steps = history.map((entry, i) => ({
    ...entry,
    tookMs: i === 0 ? null : ms(history[i - 1].at, entry.at),
    sinceOpenedMs: ms(ticket.openedAt, entry.at),
  }));
  const last = (step: string): Milestone | null => {
    const found = [...steps].reverse().find((s) => s.step === step);
    return found ? { at: found.at, by: found.actor, sinceOpenedMs: found.sinceOpenedMs } : null;
  };
  return {
    ticketId: ticket.ticketId,
    ticketNumber: ticket.ticketNumber,
    status: ticket.status,
    reported: last('opened'),
    routed: last('routed'),
    accepted: last('accepted'),
    resolved: last('resolved'),
    closed: last('closed'),
    steps,
  };
}
