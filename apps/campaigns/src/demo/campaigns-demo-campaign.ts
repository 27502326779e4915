import { Injectable } from '@nestjs/common';
import { CampaignChannels } from '@crm/contracts';
import { Clock } from '@crm/core';
import { CampaignService } from '../campaigns/campaign.service';
import { CampaignTemplate } from '../campaigns/campaign-template';

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

/** The demo's one email campaign, sent through the whole pipeline shortly after the first start. */
@Injectable()
export class CampaignsDemoCampaign {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly clock: Clock,
  ) {}

  async seed(segmentId: string, marketerUserId: string): Promise<void> {
    const campaign = await this.campaigns.create({
      name: '春季保养关怀',
      channel: CampaignChannels.email,
      segmentId,
      template: DEMO_TEMPLATE,
      createdBy: marketerUserId,
    });
    const sendAt = new Date(this.clock.now().getTime() + DEMO_SEND_DELAY_MS).toISOString();
    await this.campaigns.schedule(campaign.id, sendAt, marketerUserId);
  }
}
