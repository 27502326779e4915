import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature';

describe(signWebhook.name, () => {
  const body = JSON.stringify({ ticketNumber: 'T-20261124-000001' });

  it('is the hex HMAC-SHA256 of timestamp, dot and body', () => {
    const expected = createHmac('sha256', 's3cret').update(`1764000000.${body}`).digest('hex');
    expect(signWebhook('s3cret', '1764000000', body)).toBe(expected);
  });

  it('verifies its own signature', () => {
    expect(verifyWebhook('s3cret', '1764000000', body, signWebhook('s3cret', '1764000000', body))).toBe(true);
  });

  it.each([
    ['another secret', 'other', '1764000000', body],
    ['another timestamp', 's3cret', '1764000001', body],
    ['a changed body', 's3cret', '1764000000', body.replace('1', '2')],
  ])('rejects %s', (_case, secret, timestamp, signedBody) => {
    expect(verifyWebhook('s3cret', '1764000000', body, signWebhook(secret, timestamp, signedBody))).toBe(
      false,
    );
  });

  it('rejects a malformed signature', () => {
    expect(verifyWebhook('s3cret', '1764000000', body, 'zz')).toBe(false);
  });
});
