import { WarrantyState } from './customer-360';

/** In warranty through the last day of `warrantyEnd` (a calendar date, compared in UTC). */
export function warrantyState(warrantyEnd: string | null, today: Date): WarrantyState {
  if (!warrantyEnd) return 'unknown';
  return today.toISOString().slice(0, 10) <= warrantyEnd ? 'in-warranty' : 'out-of-warranty';
}
