import { randomUUID } from 'node:crypto';
import { UnsubscribeTokens } from './unsubscribe-token';

describe(UnsubscribeTokens.name, () => {
  const tokens = new UnsubscribeTokens('a-test-secret-of-at-least-32-characters');
  const claim = { campaignId: randomUUID(), customerId: randomUUID(), channel: 'email' as const };

  it('gives back the claim it signed', () => {
    expect(tokens.verify(tokens.sign(claim))).toEqual(claim);
  });

  it('refuses a token whose customer was changed, one signed with another secret, and garbage', () => {
    const token = tokens.sign(claim);
    expect(tokens.verify(token.replace(claim.customerId, randomUUID()))).toBeNull();
    expect(
      tokens.verify(new UnsubscribeTokens('another-secret-of-at-least-32-characters').sign(claim)),
    ).toBeNull();
    expect(tokens.verify(`${token}x`)).toBeNull();
    expect(tokens.verify('')).toBeNull();
  });
});
