import { randomBytes } from 'node:crypto';
import { decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import { FixedClock } from '@crm/core';
import { IdentitySettings, RsaPrivateJwk } from '../identity.config';
import { DEFAULT_LOGIN_THROTTLE } from '../tokens/login-throttle.constants';
import { KeyEncryptionProvider } from './key-encryption-key';
import { SigningKeyRepository, StoredSigningKey } from './signing-key.repository';
import {
  KEY_PUBLISH_AHEAD_SECONDS,
  SIGNER_REFRESH_SECONDS,
  SigningKeysService,
} from './signing-keys.service';

/** The repository's contract, kept in memory. */
class InMemorySigningKeys {
  readonly stored: StoredSigningKey[] = [];
  async findPublished(retiredAfter: Date): Promise<StoredSigningKey[]> {
    const live = this.stored.filter((key) => key.retiredAt === null || key.retiredAt > retiredAfter);
    return live
      .sort((a, b) => (a.retiredAt?.getTime() ?? Infinity) - (b.retiredAt?.getTime() ?? Infinity))
      .reverse();
  }
  async addIfNoneCurrent(candidate: StoredSigningKey): Promise<void> {
    if (!this.stored.some((key) => key.retiredAt === null)) this.stored.push(candidate);
  }
  async rotate(_tx: unknown, candidate: StoredSigningKey, at: Date): Promise<void> {
    for (const key of this.stored) key.retiredAt ??= at;
    this.stored.push(candidate);
  }
  async reseal(kid: string, sealed: StoredSigningKey['sealedPrivateJwk']): Promise<void> {
    this.stored.find((key) => key.kid === kid)!.sealedPrivateJwk = sealed;
  }
}

const settings: IdentitySettings = {
  issuer: 'crm-identity',
  audience: 'crm-api',
  tokenTtlSeconds: 3600,
  loginThrottle: DEFAULT_LOGIN_THROTTLE,
  keyEncryptionKey: randomBytes(32),
  dataDir: '/nonexistent',
};

describe(SigningKeysService.name, () => {
  let keys: InMemorySigningKeys;
  let clock: FixedClock;

  beforeEach(() => {
    keys = new InMemorySigningKeys();
    clock = new FixedClock(new Date('2025-03-01T08:00:00Z'));
  });

  function serviceWith(overrides: Partial<IdentitySettings> = {}) {
    const all = { ...settings, ...overrides };
    return new SigningKeysService(
      all,
      keys as unknown as SigningKeyRepository,
      new KeyEncryptionProvider(all),
      clock,
    );
  }

  it('generates one key on first use and signs with it', async () => {
    const service = serviceWith();
    const token = await service.sign({ sub: 'u1' });
    await service.sign({ sub: 'u2' });
    expect(keys.stored).toHaveLength(1);
    const [publicJwk] = await service.publicKeys();
    const { payload, protectedHeader } = await jwtVerify(token, await importJWK(publicJwk, 'RS256'));
    expect(payload.sub).toBe('u1');
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: keys.stored[0].kid });
  });

  it('stores the private key sealed, never its private members', async () => {
    await serviceWith().sign({ sub: 'u1' });
    const stored = JSON.stringify(keys.stored[0].sealedPrivateJwk);
    expect(keys.stored[0].sealedPrivateJwk).toMatchObject({ enc: 'A256GCM' });
    expect(stored).not.toMatch(/"(d|p|q|dp|dq|qi)"/);
  });

  it('cannot use a stored key under another key-encryption key', async () => {
    await serviceWith().sign({ sub: 'u1' });
    await expect(serviceWith({ keyEncryptionKey: randomBytes(32) }).sign({ sub: 'u2' })).rejects.toThrow(
      'IDENTITY_KEY_ENCRYPTION_KEY',
    );
  });

  it('seals a key stored in plain text before encryption at rest', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    keys.stored.push({
      kid: 'old',
      sealedPrivateJwk: { ...(await exportJWK(privateKey)), kid: 'old' },
      publicJwk: { ...(await exportJWK(publicKey)), kid: 'old', alg: 'RS256', use: 'sig' },
      createdAt: new Date('2024-01-01T00:00:00Z'),
      retiredAt: null,
    });
    const token = await serviceWith().sign({ sub: 'u1' });
    expect(decodeProtectedHeader(token).kid).toBe('old');
    expect(keys.stored[0].sealedPrivateJwk).toMatchObject({ enc: 'A256GCM' });
  });

  it('publishes a rotated-in key before it signs, and the old one until its tokens expired', async () => {
    const service = serviceWith();
    const before = decodeProtectedHeader(await service.sign({ sub: 'u1' })).kid;
    clock.advance(3_600_000);
    const candidate = await service.generate();
    await keys.rotate(null, candidate, clock.now());
    service.forgetSigner();
    expect((await service.publicKeys()).map((key) => key.kid)).toEqual([candidate.kid, before]);
    expect(decodeProtectedHeader(await service.sign({ sub: 'u2' })).kid).toBe(before);
    clock.advance(KEY_PUBLISH_AHEAD_SECONDS * 1000);
    service.forgetSigner();
    expect(decodeProtectedHeader(await service.sign({ sub: 'u3' })).kid).toBe(candidate.kid);
    clock.advance((3600 + SIGNER_REFRESH_SECONDS + 61) * 1000);
    expect((await service.publicKeys()).map((key) => key.kid)).toEqual([candidate.kid]);
  });

  it('moves to a key rotated by another replica within the refresh interval', async () => {
    const replicaA = serviceWith();
    const replicaB = serviceWith();
    await replicaA.sign({ sub: 'u0' });
    clock.advance(3_600_000);
    const before = decodeProtectedHeader(await replicaB.sign({ sub: 'u1' })).kid;
    const candidate = await replicaA.generate();
    await keys.rotate(null, candidate, clock.now());
    clock.advance(KEY_PUBLISH_AHEAD_SECONDS * 1000);
    expect(decodeProtectedHeader(await replicaB.sign({ sub: 'u2' })).kid).toBe(before);
    clock.advance(SIGNER_REFRESH_SECONDS * 1000);
    expect(decodeProtectedHeader(await replicaB.sign({ sub: 'u3' })).kid).toBe(candidate.kid);
  });

  it('signs with the configured key and stores nothing', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const service = serviceWith({
      signingKeyJwk: { ...(await exportJWK(privateKey)), kid: 'ops-1' } as RsaPrivateJwk,
    });
    const token = await service.sign({ sub: 'u1' });
    const publicKeys = await service.publicKeys();
    expect(publicKeys.map((key) => key.kid)).toEqual(['ops-1']);
    expect(publicKeys[0].d).toBeUndefined();
    await expect(jwtVerify(token, await importJWK(publicKeys[0], 'RS256'))).resolves.toBeDefined();
    expect(keys.stored).toHaveLength(0);
  });
});
