import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock, InvalidInputError } from '@crm/core';
import { scopeOf } from '../hierarchy/sales-scope';
import { SalesTeamRepository } from '../hierarchy/sales-team.repository';
import { QuotaProgress, quotaProgress, rollUp } from './quota-progress';
import { QuotaRepository } from './quota.repository';
import { elapsedShare, monthsBetween, monthsSpanned, salesMonthOf, salesPeriod } from './sales-month';
import { personInReach, reachRoot } from './team-reach';

const MAX_MONTHS = 12;

function checkRange(from: string, to: string): void {
  const months = monthsSpanned(from, to);
  if (months === 0) throw new InvalidInputError([{ field: 'to', message: 'must not be before from' }]);
  if (months > MAX_MONTHS)
    throw new InvalidInputError([{ field: 'to', message: `at most ${MAX_MONTHS} months after from` }]);
}

export interface PersonProgress extends QuotaProgress {
  userId: string;
  name: string;
  managerId: string | null;
}

export interface MonthProgress {
  month: string;
  /** Share of the month passed (0..1) that quotas are pro-rated to. */
  elapsedShare: number;
  people: PersonProgress[];
}

export interface TeamMonthProgress extends QuotaProgress {
  month: string;
  elapsedShare: number;
  /** How many people the team has, its head included. */
  members: number;
}

/**
 * Quota progress as the caller may see it: a rep their own, a manager their subtree, the director
 * (the tree's top) and admin everyone; pro-rated by the injected clock.
 */
@Injectable()
export class QuotaProgressService {
  constructor(
    private readonly quotas: QuotaRepository,
    private readonly tree: SalesTeamRepository,
    private readonly clock: Clock,
  ) {}

  /** The current month of the sales calendar, by the injected clock. */
  currentMonth(): string {
    return salesMonthOf(this.clock.now());
  }

  async people(principal: Principal, month = this.currentMonth()): Promise<MonthProgress> {
    const period = salesPeriod(month);
    const share = elapsedShare(period, this.clock.now());
    const rows = await this.quotas.figures(reachRoot(scopeOf(principal)), period);
    return {
      month,
      elapsedShare: share,
      people: rows.map(({ userId, name, managerId, ...figures }) => ({
        userId,
        name,
        managerId,
        ...quotaProgress(figures, share),
      })),
    };
  }

  /** Who is below their pro-rated quota on prospects or revenue. */
  async behind(principal: Principal, month?: string): Promise<MonthProgress> {
    const progress = await this.people(principal, month);
    return { ...progress, people: progress.people.filter((person) => person.behind) };
  }

  /** The subtree of `userId` rolled up, one entry per month from `from` to `to`. */
  async teamMonths(
    principal: Principal,
    userId: string,
    from = this.currentMonth(),
    to = from,
  ): Promise<TeamMonthProgress[]> {
    checkRange(from, to);
    await personInReach(this.tree, scopeOf(principal), userId);
    const now = this.clock.now();
    const months: TeamMonthProgress[] = [];
    for (const month of monthsBetween(from, to)) {
      const period = salesPeriod(month);
      const share = elapsedShare(period, now);
      const members = await this.quotas.figures(userId, period);
      months.push({
        month,
        elapsedShare: share,
        members: members.length,
        ...quotaProgress(rollUp(members), share),
      });
    }
    return months;
  }
}
