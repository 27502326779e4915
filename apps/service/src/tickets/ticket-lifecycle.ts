import { TicketStatus } from '@crm/contracts';
import { ConflictError } from '@crm/core';

/** Which status each step may start from. */
export const ALLOWED_FROM = {
  route: ['new', 'declined', 'reopened'],
  /** By hand (ADR 0041): a ticket no station has finished with yet, routing failed or not. */
  reroute: ['new', 'declined', 'reopened', 'routed', 'accepted', 'in_progress'],
  accept: ['routed'],
  decline: ['routed'],
  propose: ['accepted', 'in_progress'],
  progress: ['accepted', 'in_progress'],
  resolve: ['accepted', 'in_progress'],
  close: ['resolved'],
  reopen: ['resolved', 'closed'],
  rate: ['resolved', 'closed'],
} as const satisfies Record<string, readonly TicketStatus[]>;

export type TicketStep = keyof typeof ALLOWED_FROM;

export function assertCanStep(status: TicketStatus, step: TicketStep): void {
  const allowed: readonly TicketStatus[] = ALLOWED_FROM[step];
  if (!allowed.includes(status)) {
    throw new ConflictError(`A ${status} ticket cannot ${step}; allowed from: ${allowed.join(', ')}`, {
      currentStatus: status,
    });
  }
}
