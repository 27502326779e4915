import { exportJWK, generateKeyPair } from 'jose';
import { publicJwkOf, signingKeyFrom } from './signing-key';

describe('signingKeyFrom', () => {
  it('publishes only the public members of the key', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const key = await signingKeyFrom(await exportJWK(privateKey));
    expect(Object.keys(key.publicJwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(key.publicJwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: key.kid });
    expect(key.privateJwk.d).toBeDefined();
  });

  it('derives a stable key id from the public key', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = await exportJWK(privateKey);
    expect((await signingKeyFrom(jwk)).kid).toBe((await signingKeyFrom({ ...jwk })).kid);
  });

  it('keeps a key id the key already names', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const key = await signingKeyFrom({ ...(await exportJWK(privateKey)), kid: 'ops-2025' });
    expect(key.kid).toBe('ops-2025');
    expect(publicJwkOf(key.privateJwk, key.kid).kid).toBe('ops-2025');
  });
});
