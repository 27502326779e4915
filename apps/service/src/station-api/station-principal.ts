import { isPartner, Principal } from '@crm/auth';
import { ForbiddenError } from '@crm/core';

/** The station a caller acts for; staff without a partner id have no station queue. */
export function stationIdOf(principal: Principal): string {
  if (!principal.partnerId) throw new ForbiddenError('Only a repair station token has a station queue');
  return principal.partnerId;
}

/** The station whose assignment an action must hold under the ticket lock; null for staff acting for one. */
export function actingStationOf(principal: Principal): string | null {
  return isPartner(principal) ? (principal.partnerId as string) : null;
}
