import { Webhook } from 'standardwebhooks';

/** Standard Webhooks headers (https://www.standardwebhooks.com); receivers verify them with any of its libraries. */
export const WebhookHeaders = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/**
 * The headers of one attempt: `webhook-id` is the message id, the same on every retry (and replay) so the
 * receiver can deduplicate; the timestamp is the attempt's, so a retry is never refused as a replay.
 */
export function signWebhook(
  secret: string,
  webhookId: string,
  at: Date,
  body: string,
): Record<(typeof WebhookHeaders)[keyof typeof WebhookHeaders], string> {
  return {
    [WebhookHeaders.id]: webhookId,
    [WebhookHeaders.timestamp]: String(Math.floor(at.getTime() / 1000)),
    [WebhookHeaders.signature]: new Webhook(secret).sign(webhookId, at, body),
  };
}
