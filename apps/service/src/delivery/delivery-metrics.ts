import { Counter } from 'prom-client';
import { metricsRegistry } from '@crm/observability';
import { RecordedAttempt, SendOutcome } from '@crm/messaging';

export type DeliveryOutcome = 'delivered' | 'retrying' | 'failed';

/** Station webhook attempts by outcome: delivered, failed but retrying later, failed for good. */
export const webhookDeliveries = new Counter({
  name: 'webhook_deliveries_total',
  help: 'Station webhook delivery attempts by outcome (delivered, retrying, failed: no retry left)',
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});

/** Customer notification attempts by channel and outcome. */
export const notificationDeliveries = new Counter({
  name: 'notification_deliveries_total',
  help: 'Customer notification send attempts by channel and outcome (delivered, retrying, failed)',
  labelNames: ['channel', 'outcome'],
  registers: [metricsRegistry],
});

export function deliveryOutcome(attempt: RecordedAttempt<SendOutcome>): DeliveryOutcome {
  if (attempt.delivered) return 'delivered';
  return attempt.nextAttemptAt === null ? 'failed' : 'retrying';
}
