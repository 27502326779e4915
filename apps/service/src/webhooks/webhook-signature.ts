import { createHmac, timingSafeEqual } from 'node:crypto';

export const WebhookHeaders = {
  timestamp: 'X-CRM-Timestamp',
  signature: 'X-CRM-Signature',
  deliveryId: 'X-CRM-Delivery',
} as const;

/** Hex HMAC-SHA256 of `${timestamp}.${body}` with the station's secret; the timestamp defeats replays. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** What a station does on receipt (also used by tests): compare in constant time. */
export function verifyWebhook(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
