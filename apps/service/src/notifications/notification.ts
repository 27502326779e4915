import { ContactChannels } from '@crm/contracts';

export const NotificationKinds = {
  ticketReceived: 'ticket-received',
  stationAssigned: 'station-assigned',
  appointmentProposed: 'appointment-proposed',
  survey: 'survey',
} as const;
export type NotificationKind = (typeof NotificationKinds)[keyof typeof NotificationKinds];

/** The channels a customer is notified on; phone calls are the agent's. */
export const NOTIFICATION_CHANNELS = [ContactChannels.email, ContactChannels.sms] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'skipped';

export const SkipReasons = {
  noConsent: 'no consent',
  noAddress: 'no address on file',
  unknownCustomer: 'no contact details for the customer',
} as const;

export interface NotificationAttempt {
  attempt: number;
  at: string;
  error: string | null;
  durationMs: number;
}

export interface CustomerNotification {
  notificationId: string;
  ticketId: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  recipient: string | null;
  subject: string | null;
  body: string;
  status: NotificationStatus;
  skipReason: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  history: NotificationAttempt[];
}

/** A message handed to a channel; `messageId` is the notification id, the same on every retry. */
export interface OutgoingMessage {
  messageId: string;
  to: string;
  subject: string | null;
  text: string;
}

/** A claimed notification, ready to send. */
export interface DueNotification extends OutgoingMessage {
  channel: NotificationChannel;
  attempts: number;
}
