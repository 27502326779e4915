import { DueWebhook, WebhookAttemptRecord, WebhookDeliveryStatus } from '@crm/webhooks';

/** One event on its way to one subscription, as its delivery log shows it. */
export interface SubscriptionDelivery {
  deliveryId: string;
  /** Sent as `webhook-id`: the event id, the same on every retry and every replay of the event. */
  webhookId: string;
  eventType: string;
  occurredAt: string;
  replayed: boolean;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastHttpStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  history: WebhookAttemptRecord[];
}

export interface DueSubscriptionDelivery extends DueWebhook {
  subscriptionId: string;
}

export interface NewSubscriptionDelivery {
  deliveryId: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  occurredAt: string;
  body: string;
  replayed: boolean;
}
