import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { DEFAULT_CURRENCY, Money } from '@crm/contracts';
import { Clock, IdGenerator, InvalidInputError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { scopeOf } from '../hierarchy/sales-scope';
import { SalesTeamRepository } from '../hierarchy/sales-team.repository';
import { salesPeriod } from '../quotas/sales-month';
import { personInReach } from '../quotas/team-reach';
import { ForecastAdjustment, ForecastLevel } from './forecast';
import { ForecastCalculator } from './forecast-calculator';
import { ForecastJournal } from './forecast-journal';

export interface AdjustForecast {
  level: ForecastLevel;
  userId: string;
  month: string;
  amount: Money;
  note: string;
}

/**
 * A manager puts their own number on a person's or a team's month, with a note; the computed number
 * stays beside it and every adjustment is kept (who, when, why). The adjustment and its forecast.adjusted
 * event commit together.
 */
@Injectable()
export class ForecastAdjustmentService {
  constructor(
    private readonly journal: ForecastJournal,
    private readonly calculator: ForecastCalculator,
    private readonly tree: SalesTeamRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async adjust(principal: Principal, command: AdjustForecast): Promise<ForecastAdjustment> {
    if (command.amount.currency !== DEFAULT_CURRENCY)
      throw new InvalidInputError([
        { field: 'amount.currency', message: `forecasts are in ${DEFAULT_CURRENCY}` },
      ]);
    const person = await personInReach(this.tree, scopeOf(principal), command.userId);
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
    await this.uow.run((tx) => this.journal.add(tx, adjustment, person.managerId));
    return adjustment;
  }
}
