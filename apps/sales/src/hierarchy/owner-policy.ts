import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { InvalidInputError } from '@crm/core';
import { SalesScope } from './sales-scope';
import { SalesTeamRepository } from './sales-team.repository';

/** Who may hand a record to whom: a manager to anyone below them, a rep or dealer only to themselves. */
@Injectable()
export class OwnerPolicy {
  constructor(private readonly team: SalesTeamRepository) {}

  async ownerFor(tx: EntityManager, scope: SalesScope, requested: string | undefined): Promise<string> {
    if (requested === undefined || requested === scope.userId) return scope.userId;
    if (scope.kind === 'partner')
      throw new InvalidInputError([{ field: 'ownerId', message: 'a dealer assigns records only to itself' }]);
    const member = await this.team.find(requested, tx);
    if (!member || (scope.kind === 'team' && !(await this.team.isWithin(scope.userId, requested, tx))))
      throw new InvalidInputError([{ field: 'ownerId', message: 'is not in your part of the sales team' }]);
    return requested;
  }

  /**
   * A lead may also be captured by someone outside the sales tree (an agent, a marketer's web form):
   * it is then unassigned unless they name a salesperson. An admin's lead is unassigned unless named.
   */
  async leadOwnerFor(
    tx: EntityManager,
    scope: SalesScope,
    requested: string | undefined,
  ): Promise<string | null> {
    const outsideTree = scope.kind === 'team' && !(await this.team.find(scope.userId, tx));
    if (outsideTree || scope.kind === 'all') {
      if (requested === undefined) return null;
      if (!(await this.team.find(requested, tx)))
        throw new InvalidInputError([{ field: 'ownerId', message: 'is not in the sales team' }]);
      return requested;
    }
    return this.ownerFor(tx, scope, requested);
  }
}
