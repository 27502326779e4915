import { SegmentRule } from './segment-rule';

/** A named rule over the customer replica; its members are whoever matches it when it is evaluated. */
export interface Segment {
  id: string;
  name: string;
  rule: SegmentRule;
  createdBy: string;
  createdAt: string;
}

export interface SegmentMember {
  customerId: string;
  name: string;
  province: string | null;
  city: string | null;
}
