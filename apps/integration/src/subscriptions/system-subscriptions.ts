import { Principal } from '@crm/auth';
import { ForbiddenError } from '@crm/core';
import { Roles, SystemRole } from '@crm/contracts';

/**
 * The event types a system client may subscribe to, by its role (ADR 0054): a platform subscription receives every
 * partner's events, so a system sees only what its job needs; billing no customer data beyond merges and erasures.
 */
const SYSTEM_EVENT_PREFIXES: Record<SystemRole, string[]> = {
  [Roles.billing]: ['offer.', 'customer.merged', 'customer.erased'],
  [Roles.erp]: ['dms-order.', 'dms-repair.', 'order.'],
};

/** Refuses (403 naming `eventTypes[i]`) a type the caller's system roles do not cover; others pass. */
export function checkSystemEventTypes(principal: Principal, eventTypes: string[]): void {
  const prefixes = principal.roles.flatMap((role) => SYSTEM_EVENT_PREFIXES[role as SystemRole] ?? []);
  const index = eventTypes.findIndex((type) => !prefixes.some((prefix) => type.startsWith(prefix)));
  if (index < 0) return;
  const error = new ForbiddenError(
    `a ${principal.roles.join(', ')} system client may not subscribe to ${eventTypes[index]}`,
  );
  error.extensions.field = `eventTypes[${index}]`;
  throw error;
}
