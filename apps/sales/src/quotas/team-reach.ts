import { EntityManager } from 'typeorm';
import { NotFoundError } from '@crm/core';
import { SalesScope, subtreeSql } from '../hierarchy/sales-scope';
import { SalesTeamRepository } from '../hierarchy/sales-team.repository';
import { SalesUser } from '../hierarchy/sales-user';

/** The root of the part of the tree a scope sees: null for everyone (admin), else the caller. */
export function reachRoot(scope: SalesScope): string | null {
  return scope.kind === 'all' ? null : scope.userId;
}

/** The person, when the scope reaches them (they are the caller or below them); 404 otherwise. */
export async function personInReach(
  team: SalesTeamRepository,
  scope: SalesScope,
  userId: string,
  tx?: EntityManager,
): Promise<SalesUser> {
  const person = await team.find(userId, tx);
  const reached =
    person !== null && (scope.kind === 'all' || (await team.isWithin(scope.userId, userId, tx)));
  if (!reached) throw new NotFoundError('sales user', userId);
  return person;
}

/** The SQL for the user ids of a subtree (the whole tree when root is null); pushes onto params. */
export function peopleSql(root: string | null, params: unknown[]): string {
  if (root === null) return `SELECT user_id FROM sales.sales_user`;
  params.push(root);
  return subtreeSql(`$${params.length}`);
}
