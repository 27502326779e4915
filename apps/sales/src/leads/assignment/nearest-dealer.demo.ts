import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Principal } from '@crm/auth';
import { Roles } from '@crm/contracts';
import { DealerRepository } from '../../dealers/dealer.repository';
import { LeadCaptureService } from '../lead-capture.service';
import { LeadAssignmentService } from './lead-assignment.service';

const WEB_FORM: Principal = { subject: 'demo-web-form', name: 'Website', roles: [Roles.marketer] };
const ADMIN: Principal = { subject: 'demo-admin', name: 'Demo admin', roles: [Roles.admin] };
const PROSPECTS = [
  { name: '郑浩', phone: '13600001001', model: 'Aurora S7', location: { lat: 31.2215, lon: 121.5447 } },
  { name: '冯雪', phone: '13600001002', model: 'Aurora X5', location: { lat: 30.6586, lon: 104.0647 } },
];
/** Partner events reach the dealer replica through the relay a moment after customer-master seeded them. */
const REPLICA_WAIT = { attempts: 50, intervalMs: 200 };

/** Demo web leads (Pudong, Chengdu) handed to the nearest dealer selling their model, decision kept on each. */
@Injectable()
export class NearestDealerDemo {
  private readonly logger = new Logger(NearestDealerDemo.name);

  constructor(
    private readonly capturing: LeadCaptureService,
    private readonly assigning: LeadAssignmentService,
    private readonly dealers: DealerRepository,
  ) {}

  async seed(): Promise<void> {
    if (!(await this.dealersReplicated())) {
      this.logger.warn('No dealers reached sales; the demo leads for the nearest dealer were not seeded');
      return;
    }
    for (const { model, ...prospect } of PROSPECTS) {
      const lead = await this.capturing.capture(WEB_FORM, {
        source: 'web_form',
        ...prospect,
        interest: { model },
      });
      await this.assigning.assign(ADMIN, lead.id, { strategy: 'nearest-dealer' });
    }
  }

  private async dealersReplicated(): Promise<boolean> {
    for (let attempt = 0; attempt < REPLICA_WAIT.attempts; attempt++) {
      if ((await this.dealers.count()) > 0) return true;
      await sleep(REPLICA_WAIT.intervalMs);
    }
    return false;
  }
}
