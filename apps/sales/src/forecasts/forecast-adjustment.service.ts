import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { DEFAULT_CURRENCY, Money } from '@crm/contracts';
import { Clock, IdGenerator, InvalidInputError } from '@crm/core';
import { scopeOf } from '../hierarchy/sales-scope';
import { SalesTeamRepository } from '../hierarchy/sales-team.repository';
import { salesPeriod } from '../quotas/sales-month';
import { personInReach } from '../quotas/team-reach';
import { ForecastAdjustment, ForecastLevel } from './forecast';
import { ForecastCalculator } from './forecast-calculator';
import { ForecastRepository } from './forecast.repository';

export interface AdjustForecast {
  level: ForecastLevel;
  userId: string;
  month: string;
  amount: Money;
  note: string;
}

/**
 * A manager puts their own number on a person's or a team's month, with a note; the computed number
 * stays beside it and every adjustment is kept (who, when, why).
 */
@Injectable()
export class ForecastAdjustmentService {
  constructor(
    private readonly forecasts: ForecastRepository,
    private readonly calculator: ForecastCalculator,
    private readonly tree: SalesTeamRepository,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async adjust(principal: Principal, command: AdjustForecast): Promise<ForecastAdjustment> {
    if (command.amount.currency !== DEFAULT_CURRENCY)
      throw new InvalidInputError([
        { field: 'amount.currency', message: `forecasts are in ${DEFAULT_CURRENCY}` },
      ]);
    await personInReach(this.tree, scopeOf(principal), command.userId);
    const adjustment: ForecastAdjustment = {
      id: this.ids.next(),
      level: command.level,
      userId: command.userId,
      month: command.month,
      amount: command.amount.amount,
      computed: await this.calculator.computed(command.level, command.userId, salesPeriod(command.month)),
      note: command.note,
      adjustedBy: principal.subject,
      adjustedAt: this.clock.now().toISOString(),
    };
    await this.forecasts.addAdjustment(adjustment);
    return adjustment;
  }
}
