import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock } from '@crm/core';
import { scopeOf } from '../hierarchy/sales-scope';
import { SalesTeamRepository } from '../hierarchy/sales-team.repository';
import { salesMonthOf, salesPeriod } from '../quotas/sales-month';
import { personInReach, reachRoot } from '../quotas/team-reach';
import { ForecastCalculator, PersonForecast, TeamForecast } from './forecast-calculator';

/** Forecasts as the caller may see them: a rep their own, a manager their subtree, admin everyone. */
@Injectable()
export class ForecastQueryService {
  constructor(
    private readonly calculator: ForecastCalculator,
    private readonly tree: SalesTeamRepository,
    private readonly clock: Clock,
  ) {}

  async people(
    principal: Principal,
    month = salesMonthOf(this.clock.now()),
  ): Promise<{ month: string; people: PersonForecast[] }> {
    return { month, people: await this.calculator.people(reachRoot(scopeOf(principal)), salesPeriod(month)) };
  }

  async team(
    principal: Principal,
    userId: string,
    month = salesMonthOf(this.clock.now()),
  ): Promise<TeamForecast & { userId: string; month: string }> {
    await personInReach(this.tree, scopeOf(principal), userId);
    return { userId, month, ...(await this.calculator.team(userId, salesPeriod(month))) };
  }
}
