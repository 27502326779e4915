import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { base64url, exportJWK, generateKeyPair, JWK, JWTPayload, KeyLike, SignJWT } from 'jose';
import { DEFAULT_TOKEN_AUDIENCE } from '@crm/contracts';
import { InvalidTokenError, KeySetUnavailableError, TokenVerifier } from './token-verifier';
import { VERIFIED_TOKEN_TTL_MS } from './verified-token-cache';

const issuer = 'crm-identity';
const now = new Date('2025-03-01T08:00:00Z');
const nowSeconds = Math.floor(now.getTime() / 1000);
const partnerId = '7f1b2c3d-0000-4000-8000-000000000001';

describe(TokenVerifier.name, () => {
  let privateKey: KeyLike;
  let hmacSecret: Uint8Array;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    hmacSecret = randomBytes(32);
    // An oct key in the set too: only the pinned algorithm list keeps an HS256 token out.
    const keys: JWK[] = [
      { ...(await exportJWK(pair.publicKey)), kid: 'rsa', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(hmacSecret)), kid: 'hmac' },
    ];
    verifier = new TokenVerifier({ issuer, jwks: async () => ({ keys }), maxLifetimeSeconds: 3600 });
  });

  const claims = (overrides: JWTPayload = {}): JWTPayload => {
    const all: JWTPayload = {
      iss: issuer,
      aud: DEFAULT_TOKEN_AUDIENCE,
      sub: 'u1',
      iat: nowSeconds - 60,
      exp: nowSeconds + 600,
      roles: ['agent'],
      ...overrides,
    };
    for (const key of Object.keys(all)) if (all[key] === undefined) delete all[key];
    return all;
  };
  const rs256 = (payload: JWTPayload) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'rsa' }).sign(privateKey);
  const refused = (token: string) => expect(verifier.verify(token, now)).rejects.toThrow(InvalidTokenError);

  it('reads the caller from a well-formed token', async () => {
    const principal = await verifier.verify(
      await rs256(claims({ roles: ['dealer'], partner_id: partnerId, partner_kind: 'dealer' })),
      now,
    );
    expect(principal).toEqual({
      subject: 'u1',
      roles: ['dealer'],
      partnerId,
      partnerKind: 'dealer',
      name: undefined,
    });
  });

  it('refuses a token without exp', async () => refused(await rs256(claims({ exp: undefined }))));

  it('refuses a token without iat, so its lifetime cannot be judged', async () =>
    refused(await rs256(claims({ iat: undefined }))));

  it('refuses a token for another audience', async () => refused(await rs256(claims({ aud: 'other-api' }))));

  it('refuses a token without an audience', async () => refused(await rs256(claims({ aud: undefined }))));

  it('refuses a token living longer than the maximum', async () =>
    refused(await rs256(claims({ iat: nowSeconds, exp: nowSeconds + 3601 }))));

  it('refuses a token of another issuer', async () => refused(await rs256(claims({ iss: 'someone' }))));

  it('refuses an expired token', async () =>
    refused(await rs256(claims({ iat: nowSeconds - 3000, exp: nowSeconds - 120 }))));

  it('refuses HS256 even when the key set holds a symmetric key', async () => {
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: 'hmac' })
      .sign(hmacSecret);
    await refused(token);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const part = (value: object) => base64url.encode(JSON.stringify(value));
    await refused(`${part({ alg: 'none', typ: 'JWT' })}.${part(claims())}.`);
  });

  it('refuses a token without sub', async () => refused(await rs256(claims({ sub: undefined }))));

  it('refuses a token without roles or with no known role', async () => {
    await refused(await rs256(claims({ roles: undefined })));
    await refused(await rs256(claims({ roles: [] })));
    await refused(await rs256(claims({ roles: ['root'] })));
  });

  it('refuses a partner_id that is not a UUID', async () =>
    refused(await rs256(claims({ roles: ['dealer'], partner_id: 'D-001', partner_kind: 'dealer' }))));
});

describe('TokenVerifier, for a token it has verified before', () => {
  let sign: (payload: JWTPayload) => Promise<string>;
  let keySetReads: number;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    const keys: JWK[] = [{ ...(await exportJWK(pair.publicKey)), kid: 'rsa', alg: 'RS256', use: 'sig' }];
    verifier = new TokenVerifier({
      issuer,
      maxLifetimeSeconds: 3600,
      jwks: async () => {
        keySetReads++;
        return { keys };
      },
    });
    sign = (payload) =>
      new SignJWT({ iss: issuer, aud: DEFAULT_TOKEN_AUDIENCE, sub: 'u1', roles: ['agent'], ...payload })
        .setProtectedHeader({ alg: 'RS256', kid: 'rsa' })
        .sign(pair.privateKey);
  });
  beforeEach(() => (keySetReads = 0));

  const later = (ms: number) => new Date(now.getTime() + ms);

  it('answers again without checking the signature', async () => {
    const token = await sign({ iat: nowSeconds - 60, exp: nowSeconds + 3000 });
    const first = await verifier.verify(token, now);
    expect(await verifier.verify(token, later(1000))).toEqual(first);
    expect(keySetReads).toBe(1);
  });

  it('checks the signature again after the cache lifetime', async () => {
    const token = await sign({ iat: nowSeconds - 60, exp: nowSeconds + 3001 });
    await verifier.verify(token, now);
    await verifier.verify(token, later(VERIFIED_TOKEN_TTL_MS + 1000));
    expect(keySetReads).toBe(2);
  });

  it('refuses it once it has expired', async () => {
    const token = await sign({ iat: nowSeconds - 60, exp: nowSeconds + 60 });
    await verifier.verify(token, now);
    await expect(verifier.verify(token, later(120_000))).rejects.toThrow(InvalidTokenError);
  });

  it('remembers no refused token', async () => {
    const forged = `${await sign({ iat: nowSeconds - 60, exp: nowSeconds + 600 })}x`;
    await expect(verifier.verify(forged, now)).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(forged, now)).rejects.toThrow(InvalidTokenError);
    expect(keySetReads).toBe(2);
  });
});

describe('a key set that cannot be had', () => {
  let privateKey: KeyLike;
  let server: Server;
  let answer: { status: number; body: string };
  const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  const token = (kid: string) =>
    new SignJWT({
      iss: issuer,
      aud: DEFAULT_TOKEN_AUDIENCE,
      sub: 'u1',
      iat: nowSeconds,
      exp: nowSeconds + 600,
    })
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(privateKey);
  const verify = async (jwksUrl: string, kid = 'rsa') =>
    new TokenVerifier({ issuer, jwksUrl }).verify(await token(kid), now);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const keys = [{ ...(await exportJWK(pair.publicKey)), kid: 'rsa', alg: 'RS256', use: 'sig' }];
    answer = { status: 200, body: JSON.stringify({ keys }) };
    server = createServer((_request, response) => response.writeHead(answer.status).end(answer.body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('is not the token being invalid: its server refusing connections', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(verify(`http://127.0.0.1:${port}/jwks`)).rejects.toThrow(KeySetUnavailableError);
  });

  it('nor its server failing or answering something that is not a key set', async () => {
    answer = { ...answer, status: 500 };
    await expect(verify(url())).rejects.toThrow(KeySetUnavailableError);
    answer = { status: 200, body: '<html>maintenance</html>' };
    await expect(verify(url())).rejects.toThrow(KeySetUnavailableError);
  });

  it('while a key the set does not hold still makes the token invalid', async () => {
    const keys = [
      { ...(await exportJWK((await generateKeyPair('RS256')).publicKey)), kid: 'other', alg: 'RS256' },
    ];
    answer = { status: 200, body: JSON.stringify({ keys }) };
    await expect(verify(url(), 'rsa')).rejects.toThrow(InvalidTokenError);
  });

  it('and a key set provider that fails is unavailable too', async () => {
    const failing = new TokenVerifier({ issuer, jwks: () => Promise.reject(new Error('identity is down')) });
    await expect(failing.verify(await token('rsa'), now)).rejects.toThrow(KeySetUnavailableError);
  });
});
