import { exportJWK, generateKeyPair } from 'jose';
import { ConfigError, loadConfig } from '@crm/config';
import { identityConfigSchema, identitySettings } from './identity.config';

describe('identityConfigSchema', () => {
  it('defaults to hour-long tokens and no event broker', () => {
    const config = loadConfig(identityConfigSchema, {});
    expect(config).toMatchObject({ IDENTITY_TOKEN_TTL_SECONDS: 3600, EVENT_TRANSPORT: 'none' });
    expect(identitySettings(config)).toEqual({
      issuer: 'crm-identity',
      audience: 'crm-api',
      tokenTtlSeconds: 3600,
      dataDir: './data',
      loginThrottle: { windowSeconds: 900, maxFailuresPerAccount: 10, maxFailuresPerAddress: 50 },
    });
  });

  it('takes a signing key given as a JWK', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = await exportJWK(privateKey);
    const config = loadConfig(identityConfigSchema, { IDENTITY_SIGNING_KEY_JWK: JSON.stringify(jwk) });
    expect(config.IDENTITY_SIGNING_KEY_JWK).toMatchObject({ kty: 'RSA', d: jwk.d });
  });

  it.each([
    ['IDENTITY_SIGNING_KEY_JWK', 'not json'],
    ['IDENTITY_SIGNING_KEY_JWK', '{"kty":"RSA","n":"x","e":"AQAB"}'],
    ['IDENTITY_TOKEN_TTL_SECONDS', '5'],
    ['IDENTITY_BOOTSTRAP_ADMIN_PASSWORD', 'short'],
    ['IDENTITY_LOGIN_MAX_FAILURES_PER_ACCOUNT', '0'],
    ['IDENTITY_KEY_ENCRYPTION_KEY', Buffer.alloc(16).toString('base64')],
    ['IDENTITY_KEY_ENCRYPTION_KEY', 'not base64!'],
  ])('stops start-up naming %s when it is %j', (variable, value) => {
    expect(() => loadConfig(identityConfigSchema, { [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig(identityConfigSchema, { [variable]: value })).toThrow(variable);
  });

  it('takes a 32-byte key-encryption key in base64', () => {
    const key = Buffer.alloc(32, 7);
    const config = loadConfig(identityConfigSchema, { IDENTITY_KEY_ENCRYPTION_KEY: key.toString('base64') });
    expect(identitySettings(config).keyEncryptionKey).toEqual(key);
  });

  it('requires brokers when Kafka is asked for', () => {
    expect(() => loadConfig(identityConfigSchema, { EVENT_TRANSPORT: 'kafka' })).toThrow('KAFKA_BROKERS');
  });
});
