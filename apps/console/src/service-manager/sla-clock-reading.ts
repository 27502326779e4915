import type { SlaClock } from './service-manager-queries';

/**
 * The clock `elapsedMs` after the server read it: a running clock counts down and, once past due, shows as
 * breached, without asking the server again (it confirms at the next refresh).
 */
export function advanced(clock: SlaClock, elapsedMs: number): SlaClock {
  if (clock.remainingMs === null) return clock;
  const remainingMs = clock.remainingMs - elapsedMs;
  return remainingMs > 0
    ? { ...clock, remainingMs }
    : { ...clock, remainingMs, state: 'breached', breached: true };
}

/** How long since due; an escalated clock no longer counts, so measure from due. */
export function overdueMs(clock: SlaClock, asOf: string, elapsedMs: number): number | null {
  if (clock.remainingMs !== null) return -clock.remainingMs;
  return clock.dueAt ? new Date(asOf).getTime() + elapsedMs - new Date(clock.dueAt).getTime() : null;
}
