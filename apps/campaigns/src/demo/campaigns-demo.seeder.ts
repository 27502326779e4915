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
];

/**
 * Demo data for the embedded default: a few segments over the demo customers, defined by the marketer, and an email
 * campaign to the first.
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
    await this.campaign.seed(created[0].id, marketerUserId);
  }
}
