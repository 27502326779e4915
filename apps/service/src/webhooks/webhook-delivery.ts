export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookAttempt {
  attempt: number;
  at: string;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * An attempt as the history shows it. `unknown`: written before the POST and never completed (in flight, or the
 * sender died mid-send), so the station may have received it; the delivery is retried with the same id.
 */
export interface WebhookAttemptRecord extends Omit<WebhookAttempt, 'durationMs'> {
  durationMs: number | null;
  outcome: 'delivered' | 'failed' | 'unknown';
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
  history: WebhookAttemptRecord[];
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
