import { Injectable } from '@nestjs/common';
import { SegmentService } from '../segments/segment.service';
import { CampaignsDemoCampaign } from './campaigns-demo-campaign';
import { SegmentRule } from '../segments/segment-rule';

const DEMO_SEGMENTS: { name: string; rule: SegmentRule }[] = [
  {
    name: '上海 email-consenting customers',
    rule: {
      all: [
        { field: 'city', in: ['上海市'] },
        { field: 'consent', channel: 'email' },
      ],
    },
  },
  { name: 'Birthday this month', rule: { field: 'birthdayMonth', month: 'current' } },
  {
    name: 'Happy after a recent visit: serviced within 2 months, rated 4-5',
    rule: {
      all: [
        { field: 'monthsSinceService', max: 2 },
        { field: 'satisfaction', min: 4 },
      ],
    },
  },
  { name: 'SMS-consenting customers', rule: { field: 'consent', channel: 'sms' } },
];

/**
 * Demo data for the embedded default: a few segments over the demo customers, defined by the marketer, and campaigns
 * to them (email, SMS, a recurring one).
 */
@Injectable()
export class CampaignsDemoSeeder {
  constructor(
    private readonly segments: SegmentService,
    private readonly campaign: CampaignsDemoCampaign,
  ) {}

  async seed(marketerUserId: string): Promise<void> {
    const created = [];
    for (const segment of DEMO_SEGMENTS)
      created.push(await this.segments.create({ ...segment, createdBy: marketerUserId }));
    const [shanghaiEmail, , happyAfterVisit, smsConsenting] = created.map((segment) => segment.id);
    await this.campaign.seed({ shanghaiEmail, happyAfterVisit, smsConsenting }, marketerUserId);
  }
}
