import { exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import { IdentitySettings, RsaPrivateJwk } from '../identity.config';
import { DEFAULT_LOGIN_THROTTLE } from '../tokens/login-throttle.constants';
import { SigningKey } from './signing-key';
import { SigningKeyRepository } from './signing-key.repository';
import { SigningKeysService } from './signing-keys.service';

class InMemorySigningKeys {
  readonly stored: SigningKey[] = [];
  async findActive(): Promise<SigningKey[]> {
    return [...this.stored];
  }
  async addIfNoneActive(candidate: SigningKey): Promise<void> {
    if (this.stored.length === 0) this.stored.push(candidate);
  }
}

const settings: IdentitySettings = {
  issuer: 'crm-identity',
  audience: 'crm-api',
  tokenTtlSeconds: 3600,
  loginThrottle: DEFAULT_LOGIN_THROTTLE,
};

function serviceWith(keys: InMemorySigningKeys, overrides: Partial<IdentitySettings> = {}) {
  return new SigningKeysService({ ...settings, ...overrides }, keys as unknown as SigningKeyRepository);
}

describe(SigningKeysService.name, () => {
  it('generates one key on first use and signs with it', async () => {
    const keys = new InMemorySigningKeys();
    const service = serviceWith(keys);
    const token = await service.sign({ sub: 'u1' });
    await service.sign({ sub: 'u2' });
    expect(keys.stored).toHaveLength(1);
    const [publicJwk] = await service.publicKeys();
    const { payload, protectedHeader } = await jwtVerify(token, await importJWK(publicJwk, 'RS256'));
    expect(payload.sub).toBe('u1');
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: keys.stored[0].kid });
  });

  it('signs with the configured key and stores nothing', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const keys = new InMemorySigningKeys();
    const service = serviceWith(keys, {
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
