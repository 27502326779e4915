import { Injectable } from '@nestjs/common';
import { SegmentService } from '../segments/segment.service';
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
    name: 'Service due: six months or more since the last visit, SMS consent',
    rule: {
      all: [
        { field: 'monthsSinceService', min: 6 },
        { field: 'consent', channel: 'sms' },
      ],
    },
  },
  {
    name: 'Unhappy after their last visit (rated 1-2)',
    rule: { field: 'satisfaction', max: 2 },
  },
];

/** Demo data for the embedded default: a few segments over the demo customers, defined by the marketer. */
@Injectable()
export class CampaignsDemoSeeder {
  constructor(private readonly segments: SegmentService) {}

  async seed(marketerUserId: string): Promise<void> {
    for (const segment of DEMO_SEGMENTS)
      await this.segments.create({ ...segment, createdBy: marketerUserId });
  }
}
