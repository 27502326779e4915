import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock, ConflictError, FieldError, InvalidInputError, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { EntityManager } from 'typeorm';
import { scopeOf, SalesScope } from '../hierarchy/sales-scope';
import { SalesTeamRepository } from '../hierarchy/sales-team.repository';
import { AccountTeam, AccountTeamMember, teamProblems } from './account-team';
import { AccountTeamRepository } from './account-team.repository';

/**
 * The team selling to a customer account. Managers set it within their branch (admins anywhere); whoever is on it,
 * and everyone above them, then sees the account's leads, opportunities and activities.
 */
@Injectable()
export class AccountTeamService {
  constructor(
    private readonly teams: AccountTeamRepository,
    private readonly salesTeam: SalesTeamRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async get(principal: Principal, customerId: string): Promise<AccountTeam> {
    if (!(await this.teams.isVisibleTo(scopeOf(principal), customerId)))
      throw new NotFoundError('account team', customerId);
    return this.teams.find(customerId);
  }

  /** Replaces the whole team at once, so the splits are checked as one set. */
  replace(principal: Principal, customerId: string, members: AccountTeamMember[]): Promise<AccountTeam> {
    const problems = teamProblems(members);
    if (problems.length > 0) throw new InvalidInputError(problems);
    const scope = scopeOf(principal);
    return this.uow.run(async (tx) => {
      await this.teams.lock(tx, customerId);
      await this.assertMembersPlaceable(tx, scope, members);
      await this.assertCurrentTeamWithinBranch(tx, scope, customerId);
      await this.teams.replace(tx, {
        customerId,
        members,
        updatedBy: principal.subject,
        updatedAt: this.clock.now().toISOString(),
      });
      return this.teams.find(customerId, tx);
    });
  }

  private async assertMembersPlaceable(
    tx: EntityManager,
    scope: SalesScope,
    members: AccountTeamMember[],
  ): Promise<void> {
    const problems: FieldError[] = [];
    for (const [i, member] of members.entries()) {
      const placeable =
        scope.kind === 'all'
          ? (await this.salesTeam.find(member.userId, tx)) !== null
          : await this.salesTeam.isWithin(scope.userId, member.userId, tx);
      if (!placeable)
        problems.push({ field: `members.${i}.userId`, message: 'is not in your part of the sales team' });
    }
    if (problems.length > 0) throw new InvalidInputError(problems);
  }

  /** A manager may not drop people of another branch from a shared account: their manager or an admin must. */
  private async assertCurrentTeamWithinBranch(
    tx: EntityManager,
    scope: SalesScope,
    customerId: string,
  ): Promise<void> {
    if (scope.kind === 'all') return;
    const current = await this.teams.find(customerId, tx);
    for (const member of current.members)
      if (!(await this.salesTeam.isWithin(scope.userId, member.userId, tx)))
        throw new ConflictError(
          `The account team includes ${member.userId}, outside your branch; their manager or an admin changes it`,
          { userId: member.userId },
        );
  }
}
