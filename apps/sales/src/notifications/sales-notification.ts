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
  createdAt: string;
  readAt: string | null;
}

export type NotificationDraft = Pick<
  SalesNotification,
  'recipientId' | 'kind' | 'title' | 'body' | 'recordType' | 'recordId'
>;
