import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { DEFAULT_CURRENCY, Roles } from '@crm/contracts';
import { Clock } from '@crm/core';
import type { SalesDemoTeam } from '../demo/sales-demo.seeder';
import { QuotaSettingService } from '../quotas/quota-setting.service';
import { salesMonthOf } from '../quotas/sales-month';
import { ForecastAdjustmentService } from './forecast-adjustment.service';

const cny = (amount: number) => ({ amount, currency: DEFAULT_CURRENCY });

function managerOf(person: { userId: string; name: string }): Principal {
  return { subject: person.userId, name: person.name, roles: [Roles.salesManager] };
}

/**
 * Demo data: each manager sets this month's quotas for their reps, a manager adjusts one rep's
 * forecast and the director one team's, so the console shows both numbers and their history.
 */
@Injectable()
export class QuotaForecastDemo {
  constructor(
    private readonly quotas: QuotaSettingService,
    private readonly adjustments: ForecastAdjustmentService,
    private readonly clock: Clock,
  ) {}

  async seed(demo: SalesDemoTeam): Promise<void> {
    const month = salesMonthOf(this.clock.now());
    for (const { manager, reps } of demo.managers) {
      for (const [i, rep] of reps.entries())
        await this.quotas.set(managerOf(manager), rep.userId, month, {
          prospects: 2 + i,
          revenue: cny(400_000 + i * 100_000),
        });
    }
    const [first] = demo.managers;
    if (!first?.reps[0]) return;
    await this.adjustments.adjust(managerOf(first.manager), {
      level: 'rep',
      userId: first.reps[0].userId,
      month,
      amount: cny(450_000),
      note: '车队订单（6台）客户已口头确认，预计月底签约',
    });
    await this.adjustments.adjust(managerOf(demo.director), {
      level: 'team',
      userId: first.manager.userId,
      month,
      amount: cny(1_200_000),
      note: '华东区本月有两场车展，上调团队预测',
    });
  }
}
