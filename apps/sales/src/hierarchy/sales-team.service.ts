import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { SalesUserPlaced } from '@crm/contracts';
import { Clock, ConflictError, InvalidInputError, NotFoundError } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { scopeOf } from './sales-scope';
import { SalesTeamRepository } from './sales-team.repository';
import { SalesUser, TeamMember } from './sales-user';

const MAX_USER_ID = 200;

/** Places people in the sales tree (each placement published, ADR 0046) and answers who is below whom. */
@Injectable()
export class SalesTeamService {
  constructor(
    private readonly team: SalesTeamRepository,
    private readonly uow: UnitOfWork,
    private readonly events: EventFactory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** A manager may only place people under themselves or someone below them; admin anywhere. */
  async setMember(principal: Principal, member: SalesUser): Promise<SalesUser> {
    const scope = scopeOf(principal);
    if (member.userId.length > MAX_USER_ID)
      throw new InvalidInputError([
        { field: 'userId', message: `must be at most ${MAX_USER_ID} characters` },
      ]);
    return this.uow.run(async (tx) => {
      if (member.managerId) {
        const manager = await this.team.find(member.managerId, tx);
        if (!manager)
          throw new InvalidInputError([{ field: 'managerId', message: 'is not in the sales team' }]);
        if (scope.kind !== 'all' && !(await this.team.isWithin(scope.userId, member.managerId, tx)))
          throw new InvalidInputError([{ field: 'managerId', message: 'is not in your part of the team' }]);
        if (await this.team.isWithin(member.userId, member.managerId, tx))
          throw new ConflictError(`${member.managerId} reports to ${member.userId}; the tree would loop`);
      } else if (scope.kind !== 'all') {
        throw new InvalidInputError([
          { field: 'managerId', message: 'only an admin places someone at the top' },
        ]);
      }
      const existing = await this.team.find(member.userId, tx);
      if (existing && scope.kind !== 'all' && !(await this.team.isWithin(scope.userId, member.userId, tx)))
        throw new NotFoundError('sales user', member.userId);
      await this.team.upsert(tx, member);
      const placed = { ...member, setBy: principal.subject, setAt: this.clock.now().toISOString() };
      await this.outbox.add(tx, this.events.create(SalesUserPlaced, member.userId, placed));
      return member;
    });
  }

  async teamOf(principal: Principal): Promise<{ me: SalesUser | null; members: TeamMember[] }> {
    const scope = scopeOf(principal);
    const me = await this.team.find(principal.subject);
    if (scope.kind === 'all') return { me, members: await this.team.below(null) };
    if (scope.kind === 'partner') return { me: null, members: [] };
    return { me, members: await this.team.below(principal.subject) };
  }
}
