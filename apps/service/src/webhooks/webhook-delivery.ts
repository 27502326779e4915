import { DueWebhook, WebhookAttemptRecord, WebhookDeliveryStatus } from '@crm/webhooks';

export interface WebhookDelivery {
  deliveryId: string;
  ticketId: string;
  stationId: string;
  url: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastHttpStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  history: WebhookAttemptRecord[];
}

/** A claimed delivery, ready to send; its webhook-id is the delivery id. */
export interface DueDelivery extends DueWebhook {
  stationId: string;
}
