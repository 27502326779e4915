import { createHmac } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { newWebhookSecret } from './webhook-secret';
import { signWebhook, WebhookHeaders } from './webhook-signature';

describe(signWebhook.name, () => {
  const body = JSON.stringify({ ticketNumber: 'T-20261124-000001' });
  const secret = newWebhookSecret();
  const now = new Date();

  it('makes whsec_ secrets of 32 random bytes', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('signs "<id>.<timestamp>.<body>" with HMAC-SHA256 under the decoded secret, as v1 base64', () => {
    const headers = signWebhook(secret, 'delivery-1', now, body);
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const mac = createHmac('sha256', key)
      .update(`delivery-1.${headers[WebhookHeaders.timestamp]}.${body}`)
      .digest('base64');
    expect(headers).toEqual({
      'webhook-id': 'delivery-1',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': `v1,${mac}`,
    });
  });

  it('is verified by the standardwebhooks library, as a station would', () => {
    const headers = signWebhook(secret, 'delivery-1', now, body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it.each([
    ['another secret', () => signWebhook(newWebhookSecret(), 'delivery-1', now, body)],
    [
      'another delivery id',
      () => ({ ...signWebhook(secret, 'delivery-2', now, body), 'webhook-id': 'delivery-1' }),
    ],
    ['a changed body', () => signWebhook(secret, 'delivery-1', now, body.replace('1', '2'))],
    [
      'a timestamp outside the tolerance window',
      () => signWebhook(secret, 'delivery-1', new Date(now.getTime() - 600_000), body),
    ],
  ])('fails verification with %s', (_case, headers) => {
    expect(() => new Webhook(secret).verify(body, headers())).toThrow(WebhookVerificationError);
  });
});
