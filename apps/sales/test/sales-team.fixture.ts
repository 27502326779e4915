import { Roles } from '@crm/contracts';
import { FixedClock } from '@crm/core';
import { SalesCaller } from './sales.harness';

/*
 * director
 * ├── east (manager)
 * │   ├── rep-e1
 * │   │   └── rep-e1a
 * │   └── rep-e2
 * └── west (manager)
 *     └── rep-w1
 */
export const TEAM_TREE: [string, string | null][] = [
  ['director', null],
  ['east', 'director'],
  ['west', 'director'],
  ['rep-e1', 'east'],
  ['rep-e1a', 'rep-e1'],
  ['rep-e2', 'east'],
  ['rep-w1', 'west'],
];

/** Whom each person sees: themselves and everyone below them. */
export const SEES: Record<string, string[]> = {
  director: ['director', 'east', 'west', 'rep-e1', 'rep-e1a', 'rep-e2', 'rep-w1'],
  east: ['east', 'rep-e1', 'rep-e1a', 'rep-e2'],
  west: ['west', 'rep-w1'],
  'rep-e1': ['rep-e1', 'rep-e1a'],
  'rep-e1a': ['rep-e1a'],
  'rep-e2': ['rep-e2'],
  'rep-w1': ['rep-w1'],
};

export function teamCaller(sub: string): SalesCaller {
  if (sub === 'admin') return { sub, roles: [Roles.admin] };
  const managerial = ['director', 'east', 'west'].includes(sub);
  return { sub, roles: [managerial ? Roles.salesManager : Roles.salesRep] };
}

/** Moves a fixed clock to an instant, forwards or back. */
export function setClock(clock: FixedClock, iso: string): void {
  clock.advance(Date.parse(iso) - clock.now().getTime());
}
