import { SMS_IDEMPOTENCY_HEADER } from '@crm/messaging';

/** Carries the notification id on every retry of one message, so a receiver can drop the duplicates. */
export const NotificationHeaders = {
  email: 'X-CRM-Notification-Id',
  sms: SMS_IDEMPOTENCY_HEADER,
} as const;

/** The email Message-ID for a notification: stable across retries, so mail clients collapse duplicates too. */
export const emailMessageId = (notificationId: string) => `<${notificationId}@notifications.crm.local>`;
