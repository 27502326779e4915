import { randomBytes } from 'node:crypto';

/** A new webhook secret (a station's, a subscriber's): `whsec_` and 32 random bytes in base64, the form Standard Webhooks libraries take. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
