import { SalesRecordType } from '@crm/contracts';

/** A manager's guidance on a record of someone below them, or the owner's reply. */
export type GuidanceKind = 'guidance' | 'reply';

export interface GuidanceComment {
  id: string;
  recordType: SalesRecordType;
  recordId: string;
  kind: GuidanceKind;
  authorId: string;
  authorName: string | null;
  body: string;
  createdAt: string;
}

/** The lead, opportunity or activity a comment is on, as far as guidance needs it. */
export interface GuidedRecord {
  type: SalesRecordType;
  id: string;
  ownerId: string | null;
  partnerId: string | null;
}
