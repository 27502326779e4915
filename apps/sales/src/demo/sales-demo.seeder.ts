import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Principal } from '@crm/auth';
import { ACTIVITY_TYPES, LEAD_SOURCES, PURCHASE_TIMEFRAMES, Roles } from '@crm/contracts';
import { seedTeamSellingDemo } from '../account-teams/team-selling.demo';
import { ActivityLogService } from '../activities/activity-log.service';
import { QuotaForecastDemo } from '../forecasts/quota-forecast-demo';
import { SalesTeamService } from '../hierarchy/sales-team.service';
import { SalesUser } from '../hierarchy/sales-user';
import { NearestDealerDemo } from '../leads/assignment/nearest-dealer.demo';
import { LeadCaptureService } from '../leads/lead-capture.service';
import { OpportunityCreateService } from '../opportunities/opportunity-create.service';
import { OpportunityStageService } from '../opportunities/opportunity-stage.service';
import { CommerceDemo, DemoCatalogTrim } from '../orders/commerce-demo';

export interface SalesDemoTeam {
  director: Omit<SalesUser, 'managerId'>;
  /** Each manager with the reps reporting to them. */
  managers: { manager: Omit<SalesUser, 'managerId'>; reps: Omit<SalesUser, 'managerId'>[] }[];
}

const OPEN_STAGES = [
  'prospecting',
  'qualification',
  'needs_analysis',
  'test_drive',
  'proposal',
  'negotiation',
];
const MODELS = ['Aurora S7', 'Aurora X5', 'Nova E3', 'Nova Tourer', 'Aurora GT'];
const ADMIN: Principal = { subject: 'demo-admin', name: 'Demo admin', roles: [Roles.admin] };
const PROSPECTS = ['陈静', '刘洋', '杨帆', '黄磊', '周敏', '吴昊', 'Emily Chen', 'David Li', '徐丽', '孙强'];

/**
 * Demo data for the embedded default: the team tree, leads from every source, opportunities in every
 * stage (won and lost included) and activities with next steps, written through the services.
 */
@Injectable()
export class SalesDemoSeeder {
  constructor(
    private readonly team: SalesTeamService,
    private readonly leads: LeadCaptureService,
    private readonly opportunities: OpportunityCreateService,
    private readonly stages: OpportunityStageService,
    private readonly activities: ActivityLogService,
    private readonly modules: ModuleRef,
    private readonly quotaForecastDemo: QuotaForecastDemo,
    private readonly nearestDealerLeads: NearestDealerDemo,
    private readonly commerce: CommerceDemo,
  ) {}

  /** `customerIds` are customers the opportunities and activities are about; the catalog's trims come back. */
  async seed(demo: SalesDemoTeam, customerIds: string[]): Promise<DemoCatalogTrim[]> {
    // Placed as an admin would, so the tree is published (sales-user.placed) and analytics rolls reps up to it.
    await this.team.setMember(ADMIN, { ...demo.director, managerId: null });
    for (const { manager, reps } of demo.managers) {
      await this.team.setMember(ADMIN, { ...manager, managerId: demo.director.userId });
      for (const rep of reps) await this.team.setMember(ADMIN, { ...rep, managerId: manager.userId });
    }
    const reps = demo.managers.flatMap((m) => m.reps);
    let n = 0;
    for (const [i, rep] of reps.entries()) {
      const as: Principal = { subject: rep.userId, name: rep.name, roles: [Roles.salesRep] };
      for (let k = 0; k < 3; k++, n++) {
        await this.leads.capture(as, {
          source: LEAD_SOURCES[n % LEAD_SOURCES.length],
          name: PROSPECTS[n % PROSPECTS.length],
          phone: `1370000${String(1000 + n).padStart(4, '0')}`,
          score: (n * 37) % 100,
          interest: {
            model: MODELS[n % MODELS.length],
            budget: { amount: 150_000 + (n % 8) * 25_000, currency: 'CNY' },
            timeframe: PURCHASE_TIMEFRAMES[n % PURCHASE_TIMEFRAMES.length],
          },
        });
        await this.opportunity(as, i * 3 + k, customerIds[(i * 3 + k) % Math.max(customerIds.length, 1)]);
      }
    }
    await seedTeamSellingDemo(this.modules, demo, customerIds);
    await this.quotaForecastDemo.seed(demo);
    await this.nearestDealerLeads.seed();
    return this.commerce.seed(reps, customerIds);
  }

  /** One car sold off the showroom floor by `rep`: the deal opened, won and ordered (the demo's past months). */
  showroomSale(
    rep: Omit<SalesUser, 'managerId'>,
    customerId: string | null,
    trim: DemoCatalogTrim,
  ): Promise<void> {
    const as: Principal = { subject: rep.userId, name: rep.name, roles: [Roles.salesRep] };
    return this.commerce.showroomSale(as, customerId, trim);
  }

  /** Opportunity number `n` ends in stage n mod 8: the six open stages, then won, then lost. */
  private async opportunity(as: Principal, n: number, customerId: string | undefined): Promise<void> {
    const model = MODELS[n % MODELS.length];
    const amount = { amount: 160_000 + (n % 7) * 30_000, currency: 'CNY' };
    const opened = await this.opportunities.create(as, {
      name: `${PROSPECTS[n % PROSPECTS.length]} - ${model}`,
      customerId: customerId ?? null,
      amount,
      expectedCloseDate: `2026-${String(1 + (n % 12)).padStart(2, '0')}-28`,
    });
    const target = n % 8;
    for (const stage of OPEN_STAGES.slice(1, Math.min(target, 5) + 1))
      await this.stages.move(as, opened.id, stage);
    if (target === 6) await this.stages.win(as, opened.id, '金融方案和置换补贴', amount);
    if (target === 7) await this.stages.lose(as, opened.id, '客户选择了竞品');
    await this.activities.log(as, {
      type: ACTIVITY_TYPES[n % ACTIVITY_TYPES.length],
      subject: `${model} 跟进`,
      discussed: ['续航和充电桩', '置换补贴', '金融方案', '交车时间'][n % 4],
      nextStep: target >= 6 ? undefined : '发送报价并预约试驾',
      nextStepDue: target >= 6 ? undefined : `2026-12-${String(1 + (n % 28)).padStart(2, '0')}`,
      opportunityId: opened.id,
    });
  }
}
