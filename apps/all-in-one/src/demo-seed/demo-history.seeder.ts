import { Injectable, Logger } from '@nestjs/common';
import { QualityType } from '@crm/contracts';
import { BackdatingClock } from '@crm/core';
import { QualityDemoCheck } from '@crm/app-analytics';
import { CallCenterDemoSeeder } from '@crm/app-call-center';
import { DemoCatalogTrim, SalesDemoSeeder, SalesDemoTeam } from '@crm/app-sales';
import { ServiceDemoSeeder } from '@crm/app-service';
import { SeededRandom } from './demo-data';
import { DEMO_HISTORY, planComplaints, planPastSales } from './demo-history-plan';

/** The station accepts within the quickest response target (1 business hour) and repairs within the day. */
const ACCEPTED_AFTER_MS = 30 * 60_000;
const REPAIRED_AFTER_MS = 6 * 3_600_000;
/** How long the quality check waits for the analytics projection to count the complaints. */
const PROJECTION_WAIT_MS = 60_000;

export interface HistoryVehicle {
  customerId: string;
  vehicleId: string;
  model: string;
}

/** What the agent hears and the station does, per quality type. */
const COMPLAINT_TEXTS: Partial<Record<QualityType, { description: string; workDone: string }>> = {
  brakes: {
    description: '刹车时有异响 (squeal when braking)',
    workDone: '更换前刹车片 (replaced the front pads)',
  },
  electrical: {
    description: '冷车打不着火，蓄电池亏电 (no start on a cold morning, flat 12 V battery)',
    workDone: '更换蓄电池并检查充电系统 (battery replaced, charging system checked)',
  },
  air_conditioning: {
    description: '空调不制冷 (the air conditioning blows warm)',
    workDone: '补充冷媒并更换膨胀阀 (refrigerant topped up, expansion valve replaced)',
  },
  infotainment: {
    description: '中控屏卡死、倒车影像黑屏 (head unit freezes, reversing camera goes black)',
    workDone: '升级车机软件并重置中控屏 (head unit software updated and reset)',
  },
};

/**
 * The demo's past months, written through the services' own code as of their dates (the backdating clock, ADR 0058):
 * showroom sales for the market view's forecast, and complaints (the agent's call and its ticket) repaired by the
 * routed stations for the quality figures, with one cell jumping this month, checked at once so its alert is there
 * on the first start.
 */
@Injectable()
export class DemoHistorySeeder {
  private readonly logger = new Logger(DemoHistorySeeder.name);
  private readonly random = new SeededRandom(20240601);

  constructor(
    private readonly clock: BackdatingClock,
    private readonly sales: SalesDemoSeeder,
    private readonly service: ServiceDemoSeeder,
    private readonly callCenter: CallCenterDemoSeeder,
    private readonly quality: QualityDemoCheck,
  ) {}

  async seedSales(team: SalesDemoTeam, customerIds: string[], trims: DemoCatalogTrim[]): Promise<void> {
    const reps = team.managers.flatMap((m) => m.reps);
    // The last branch's reps (west): the first's pipelines stay as the console's journeys know them.
    const branch = team.managers[team.managers.length - 1].reps.length;
    const sellers = reps.map((_, i) => i).slice(reps.length - branch);
    const counts = { sellers, customers: customerIds.length, trims: trims.length };
    const sales = planPastSales(this.clock.now(), this.random, counts);
    const started = Date.now();
    for (const sale of sales)
      await this.clock.at(sale.at, () =>
        this.sales.showroomSale(reps[sale.rep], customerIds[sale.customer] ?? null, trims[sale.trim]),
      );
    this.logger.log(
      `${sales.length} showroom sales over the last ${DEMO_HISTORY.salesMonths} months (${Date.now() - started} ms)`,
    );
  }

  /** The ids of the tickets written (the check waits for them). */
  async seedComplaints(
    vehicles: HistoryVehicle[],
    agent: { id: string; name: string },
    stationUserIds: Map<string, string>,
  ): Promise<string[]> {
    const agentUserId = agent.id;
    if (vehicles.length === 0) return [];
    const byModel = new Map<string, HistoryVehicle[]>();
    for (const vehicle of vehicles)
      byModel.set(vehicle.model, [...(byModel.get(vehicle.model) ?? []), vehicle]);
    const jumpModel = vehicles[0].model;
    const others = [...byModel.keys()].filter((model) => model !== jumpModel).sort();
    const models = [jumpModel, ...others].slice(0, DEMO_HISTORY.complaintModels);
    const complaints = planComplaints(this.clock.now(), this.random, models, jumpModel);
    const ticketIds: string[] = [];
    const started = Date.now();
    for (const complaint of complaints) {
      const vehicle = this.random.pick(byModel.get(complaint.model) as HistoryVehicle[]);
      const texts = COMPLAINT_TEXTS[complaint.qualityType] as { description: string; workDone: string };
      const story = {
        ...vehicle,
        ...texts,
        agentUserId,
        stationUserIds,
        qualityType: complaint.qualityType,
        technician: this.random.pick(['王师傅', '李师傅', 'Chen Hao', '刘师傅']),
      };
      const opened = await this.asOf(complaint.at, async () => {
        const ticket = await this.service.open(story);
        await this.callCenter.recordPastComplaintCall({ ...ticket, agent, occurredAt: ticket.openedAt });
        return ticket;
      });
      ticketIds.push(opened.ticketId);
      if (!opened.stationId) {
        this.logger.warn(`No station could take the demo complaint ${opened.ticketNumber}`);
        continue;
      }
      const after = (ms: number) => complaint.at && new Date(complaint.at.getTime() + ms);
      await this.asOf(after(ACCEPTED_AFTER_MS), () => this.service.accept(story, opened));
      await this.asOf(after(REPAIRED_AFTER_MS), () => this.service.resolve(story, opened));
    }
    this.logger.log(
      `${ticketIds.length} complaints over the last ${DEMO_HISTORY.complaintMonths} months (${Date.now() - started} ms)`,
    );
    return ticketIds;
  }

  /** This month's quality check, once analytics counts the complaints, as the hourly job would run it. */
  async checkQuality(ticketIds: string[]): Promise<void> {
    if (ticketIds.length === 0) return;
    const month = this.clock.now().toISOString().slice(0, 7);
    const started = Date.now();
    const raised = await this.quality.checkOnceCounted(month, ticketIds, PROJECTION_WAIT_MS);
    if (raised === null)
      this.logger.warn('The demo complaints were not counted in time: the hourly check will come');
    else {
      const alerts = raised.map((alert) => `${alert.model} ${alert.qualityType}`).join(', ');
      this.logger.log(`Quality check of ${month}: ${alerts || 'no alert'} (${Date.now() - started} ms)`);
    }
  }

  /** `work` as of `at`, or now when null. */
  private asOf<T>(at: Date | null, work: () => Promise<T>): Promise<T> {
    return at ? this.clock.at(at, work) : work();
  }
}
