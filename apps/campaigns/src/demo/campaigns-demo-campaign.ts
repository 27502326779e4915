import { Injectable } from '@nestjs/common';
import { CampaignChannels } from '@crm/contracts';
import { Clock } from '@crm/core';
import { CampaignService, NewCampaign } from '../campaigns/campaign.service';
import { CampaignTemplate } from '../campaigns/campaign-template';
import { CampaignsDemoHistory } from './campaigns-demo-history';

/** Long enough for the demo customers to reach the replica before the segment is frozen. */
export const DEMO_SEND_DELAY_MS = 20_000;

const DEMO_TEMPLATE: CampaignTemplate = {
  'zh-CN': {
    subject: '{{name}}，春季保养关怀',
    body:
      '{{name}}您好：\n{{#if model}}您的{{model}}{{else}}您的爱车{{/if}}已到春季保养时节，本月到店保养工时八折。\n' +
      '不想再收到此类邮件？退订：{{unsubscribeUrl}}',
  },
  en: {
    subject: '{{name}}, spring service care',
    body:
      'Dear {{name}},\nspring is service time for {{#if model}}your {{model}}{{else}}your car{{/if}}: 20% off labour ' +
      'this month.\nUnsubscribe: {{unsubscribeUrl}}',
  },
};

const DEMO_RECURRING_TEMPLATE: CampaignTemplate = {
  'zh-CN': {
    subject: '{{name}}，本月车主俱乐部活动',
    body: '{{name}}您好：本月车主俱乐部自驾活动开放报名，欢迎携家人参加。\n退订：{{unsubscribeUrl}}',
  },
};

/** An SMS goes out as the provider's approved template (it carries "回T退订"), filled from the replica. */
const DEMO_SMS_TEMPLATE = { providerTemplateId: 'SMS_DEMO_SERVICE', params: { name: 'name', car: 'model' } };

/** Who the demo campaigns go to, by the segments the seeder defined. */
export interface DemoAudiences {
  shanghaiEmail: string;
  happyAfterVisit: string;
  smsConsenting: string;
}

/**
 * The demo's campaigns, sent through the whole pipeline shortly after the first start: a one-off email, the same
 * audience by SMS (so both channels show results), a monthly email that repeats on the 1st at 10:00, and an SMS
 * with a holdout whose one-day window is made to have closed (CampaignsDemoHistory), so its lift shows at once.
 */
@Injectable()
export class CampaignsDemoCampaign {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly history: CampaignsDemoHistory,
    private readonly clock: Clock,
  ) {}

  async seed(audiences: DemoAudiences, marketerUserId: string): Promise<void> {
    const sendAt = new Date(this.clock.now().getTime() + DEMO_SEND_DELAY_MS).toISOString();
    const launch = async (campaign: Omit<NewCampaign, 'createdBy'>) => {
      const created = await this.campaigns.create({ ...campaign, createdBy: marketerUserId });
      await this.campaigns.schedule(created.id, sendAt, marketerUserId);
      return created.id;
    };
    await launch({
      name: '春季保养关怀',
      channel: CampaignChannels.email,
      segmentId: audiences.shanghaiEmail,
      template: DEMO_TEMPLATE,
    });
    await launch({
      name: '保养提醒短信',
      channel: CampaignChannels.sms,
      segmentId: audiences.smsConsenting,
      template: DEMO_SMS_TEMPLATE,
    });
    await launch({
      name: '车主俱乐部月度活动',
      channel: CampaignChannels.email,
      segmentId: audiences.happyAfterVisit,
      template: DEMO_RECURRING_TEMPLATE,
      schedule: { kind: 'recurring', cron: '0 10 1 * *' },
    });
    const yesterdays = await launch({
      name: '冬季保养短信（对照组）',
      channel: CampaignChannels.sms,
      segmentId: audiences.smsConsenting,
      template: DEMO_SMS_TEMPLATE,
      holdoutPercent: 20,
      attributionDays: 1,
    });
    this.history.backdateOnceSent(yesterdays);
  }
}
