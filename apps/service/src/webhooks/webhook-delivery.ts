export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookAttempt {
  attempt: number;
  at: string;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

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
  history: WebhookAttempt[];
}

/** A claimed delivery, ready to send. */
export interface DueDelivery {
  deliveryId: string;
  stationId: string;
  url: string;
  body: string;
  attempts: number;
  secret: string | null;
}
