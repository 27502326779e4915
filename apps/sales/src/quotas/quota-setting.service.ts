import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { DEFAULT_CURRENCY, Money } from '@crm/contracts';
import { Clock, IdGenerator, InvalidInputError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { scopeOf } from '../hierarchy/sales-scope';
import { SalesTeamRepository } from '../hierarchy/sales-team.repository';
import { Quota } from './quota';
import { QuotaJournal } from './quota-journal';
import { personInReach } from './team-reach';

export interface QuotaTargets {
  prospects: number;
  revenue: Money;
}

/**
 * Managers set the quotas of the people below them (admin anyone's); someone outside their branch is
 * not found, and nobody sets their own. The quota and its quota.set event commit together.
 */
@Injectable()
export class QuotaSettingService {
  constructor(
    private readonly journal: QuotaJournal,
    private readonly team: SalesTeamRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  set(principal: Principal, userId: string, month: string, targets: QuotaTargets): Promise<Quota> {
    if (targets.revenue.currency !== DEFAULT_CURRENCY)
      throw new InvalidInputError([
        { field: 'revenue.currency', message: `revenue quotas are in ${DEFAULT_CURRENCY}` },
      ]);
    const scope = scopeOf(principal);
    return this.uow.run(async (tx) => {
      await personInReach(this.team, scope, userId, tx);
      if (scope.kind !== 'all' && userId === scope.userId)
        throw new InvalidInputError([{ field: 'userId', message: 'your own quota is set by your manager' }]);
      return this.journal.set(tx, {
        id: this.ids.next(),
        userId,
        month,
        prospects: targets.prospects,
        revenue: targets.revenue.amount,
        setBy: principal.subject,
        setAt: this.clock.now().toISOString(),
      });
    });
  }
}
