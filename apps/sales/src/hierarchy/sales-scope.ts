import { isPartner, Principal } from '@crm/auth';
import { Roles } from '@crm/contracts';

/**
 * Which sales records a caller may see: everything (admin), a dealer's own records (partner), or
 * the records owned by the caller and everyone below them in the sales tree (team).
 */
export type SalesScope =
  | { kind: 'all'; userId: string }
  | { kind: 'partner'; userId: string; partnerId: string }
  | { kind: 'team'; userId: string };

export function scopeOf(principal: Principal): SalesScope {
  if (principal.roles.includes(Roles.admin)) return { kind: 'all', userId: principal.subject };
  if (isPartner(principal))
    return { kind: 'partner', userId: principal.subject, partnerId: principal.partnerId as string };
  return { kind: 'team', userId: principal.subject };
}

/** The user ids at and below `param` in the tree; UNION (not ALL) stops at a cycle instead of looping. */
export function subtreeSql(param: string): string {
  return `WITH RECURSIVE team (user_id) AS (
            SELECT ${param}::text
            UNION SELECT u.user_id FROM sales.sales_user u JOIN team t ON u.manager_id = t.user_id)
          SELECT user_id FROM team`;
}

/** The customer accounts on whose account team someone at or below `param` is. */
export function accountsOfTeamSql(param: string): string {
  return `SELECT m.customer_id FROM sales.account_team_member m WHERE m.user_id IN (${subtreeSql(param)})`;
}

/**
 * The condition a row of `alias` (with owner_id, customer_id and partner_id) meets when the scope may see it;
 * pushes its parameters onto `params`. Every list and read of leads, opportunities and activities uses it.
 * A team sees what its subtree owns and every record of the customer accounts whose account team someone in the
 * subtree is on (ADR 0017): a manager sees what their reps see.
 */
export function visibleTo(scope: SalesScope, alias: string, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'partner':
      params.push(scope.partnerId);
      return `${alias}.partner_id = $${params.length}`;
    case 'team':
      params.push(scope.userId);
      return `(${alias}.owner_id IN (${subtreeSql(`$${params.length}`)})
               OR ${alias}.customer_id IN (${accountsOfTeamSql(`$${params.length}`)}))`;
  }
}
