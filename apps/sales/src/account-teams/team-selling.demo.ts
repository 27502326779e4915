import { Abstract, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Principal } from '@crm/auth';
import { Roles } from '@crm/contracts';
import { Clock } from '@crm/core';
import { ActivityLogService } from '../activities/activity-log.service';
import type { SalesDemoTeam } from '../demo/sales-demo.seeder';
import { GuidanceService } from '../guidance/guidance.service';
import { NextStepReminders } from '../reminders/next-step-reminders';
import { AccountTeamRepository } from './account-team.repository';
import { AccountTeamService } from './account-team.service';

/**
 * Team selling in the demo: the first manager's first two reps sell to one of their customers together (60/40, the
 * manager on the team without a split); the owner logs a call whose next step is due today, the manager leaves
 * guidance on it, and the reminder fires, so the owner's inbox shows both.
 */
export async function seedTeamSellingDemo(
  modules: ModuleRef,
  demo: SalesDemoTeam,
  customerIds: string[],
): Promise<void> {
  const [{ manager, reps }] = demo.managers;
  const get = <T>(type: Type<T> | Abstract<T>) => modules.get(type, { strict: false });
  // An account only this branch works, so sharing it changes no other branch's view of the demo.
  const customerId = await get(AccountTeamRepository).accountWorkedOnlyBy(
    customerIds,
    reps.map((r) => r.userId),
  );
  if (!customerId || reps.length < 2) return;
  const asManager: Principal = { subject: manager.userId, name: manager.name, roles: [Roles.salesManager] };
  const asOwner: Principal = { subject: reps[0].userId, name: reps[0].name, roles: [Roles.salesRep] };

  await get(AccountTeamService).replace(asManager, customerId, [
    { userId: reps[0].userId, role: 'owner', splitPercent: 60 },
    { userId: reps[1].userId, role: 'co_seller', splitPercent: 40 },
    { userId: manager.userId, role: 'manager', splitPercent: 0 },
  ]);
  const call = await get(ActivityLogService).log(asOwner, {
    type: 'call',
    subject: '车队采购：首次电话',
    discussed: '客户计划采购 12 台 Nova E3 作为公司用车，关心批量折扣和售后网点',
    nextStep: '发送车队报价并约技术顾问上门',
    nextStepDue: get(Clock).now().toISOString().slice(0, 10),
    customerId,
  });
  await get(GuidanceService).post(
    asManager,
    'activity',
    call.id,
    '车队客户先谈服务网点和保养套餐，再报折扣；报价前请技术顾问一起确认配置。',
  );
  await get(NextStepReminders).fireDue();
}
