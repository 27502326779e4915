import { SalesNotificationKind, SalesRecordType } from '@crm/contracts';

/** One entry of a sales user's in-app inbox. */
export interface SalesNotification {
  id: string;
  recipientId: string;
  kind: SalesNotificationKind;
  title: string;
  body: string;
  recordType: SalesRecordType;
  recordId: string;
  /** The dealer of the record it is about, when a dealer's. */
  partnerId: string | null;
  createdAt: string;
  readAt: string | null;
}

export type NotificationDraft = Omit<SalesNotification, 'id' | 'createdAt' | 'readAt'>;
