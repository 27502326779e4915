import { SegmentRule } from './segment-rule';

export const SEGMENT_KINDS = ['rule', 'static'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/**
 * A named selection of customers: a rule evaluated over the replica whenever it is read, or a static list
 * imported from a file (its rule is null). Every change raises the version; an archived segment is read-only.
 */
export interface Segment {
  id: string;
  name: string;
  kind: SegmentKind;
  rule: SegmentRule | null;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string | null;
  archivedAt: string | null;
}

export interface SegmentMember {
  customerId: string;
  name: string;
  province: string | null;
  city: string | null;
}
