import { randomUUID } from 'node:crypto';
import { TrackingTokens } from './campaign-tracking-tokens';
import { LinkSigner } from './link-signer';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe(TrackingTokens.name, () => {
  const tokens = new TrackingTokens(SECRET);
  const claim = { campaignId: randomUUID(), customerId: randomUUID() };

  it('verifies what it signed', () => {
    expect(tokens.verifyOpen(tokens.signOpen(claim))).toEqual(claim);
    expect(tokens.verifyClick(tokens.signClick({ ...claim, linkIndex: 3 }))).toEqual({
      ...claim,
      linkIndex: 3,
    });
  });

  it('rejects a token whose link index was changed', () => {
    const token = tokens.signClick({ ...claim, linkIndex: 0 });
    expect(tokens.verifyClick(token.replace('.0.', '.1.'))).toBeNull();
  });

  it('never takes one kind of token for another, nor an unsubscribe token signed with the same secret', () => {
    const [campaign, customer, signature] = tokens.signOpen(claim).split('.');
    expect(tokens.verifyClick(`${campaign}.${customer}.0.${signature}`)).toBeNull();
    // An unsubscribe link signs its bare payload with the same secret.
    const unsubscribeSignature = new LinkSigner(SECRET).signature(
      `${claim.campaignId}.${claim.customerId}.email`,
    );
    expect(tokens.verifyOpen(`${claim.campaignId}.${claim.customerId}.${unsubscribeSignature}`)).toBeNull();
  });

  it('rejects a non-canonical spelling of the signature (the unused bits of its last character)', () => {
    const token = tokens.signOpen(claim);
    const last = token.at(-1) as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1];
    expect(tokens.verifyOpen(token.slice(0, -1) + sibling)).toBeNull();
  });

  it('rejects a token signed with another secret', () => {
    expect(new TrackingTokens(`${SECRET}-other`).verifyOpen(tokens.signOpen(claim))).toBeNull();
  });
});
