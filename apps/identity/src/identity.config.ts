import { z } from 'zod';
import { defineServiceConfig, PlatformConfig } from '@crm/config';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottleSettings } from './tokens/login-throttle.constants';

const DEFAULT_TOKEN_TTL_SECONDS = 3_600;

const rsaPrivateJwkSchema = z.looseObject({
  kty: z.literal('RSA'),
  kid: z.string().min(1).optional(),
  n: z.string().min(1),
  e: z.string().min(1),
  d: z.string().min(1),
  p: z.string().min(1),
  q: z.string().min(1),
  dp: z.string().min(1),
  dq: z.string().min(1),
  qi: z.string().min(1),
});
export type RsaPrivateJwk = z.infer<typeof rsaPrivateJwkSchema>;

const jsonText = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON Web Key (JSON)' });
    return z.NEVER;
  }
});

/** The identity service's own variables; the embedded default may add them to its own schema. */
export const identityConfigFields = {
  IDENTITY_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(DEFAULT_TOKEN_TTL_SECONDS),
  /** An RS256 private key as JWK; without it a key pair is generated on first use and kept in the database. */
  IDENTITY_SIGNING_KEY_JWK: jsonText.pipe(rsaPrivateJwkSchema).optional(),
  /**
   * 32 bytes, base64: encrypts generated signing keys at rest (AES-256-GCM). Without it a key is
   * generated once and kept in DATA_DIR (fine for the embedded default; set it in production).
   */
  IDENTITY_KEY_ENCRYPTION_KEY: z
    .base64()
    .refine((text) => Buffer.from(text, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  /** Creates user 'admin' at start when no active admin exists yet. */
  IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: z.string().min(8).max(72).optional(),
  /** Failed sign-ins are counted in fixed windows of this length; over a limit the token endpoint answers 429. */
  IDENTITY_LOGIN_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(DEFAULT_LOGIN_THROTTLE.windowSeconds),
  IDENTITY_LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_LOGIN_THROTTLE.maxFailuresPerAccount),
  IDENTITY_LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_LOGIN_THROTTLE.maxFailuresPerAddress),
};

/**
 * Identity is the token issuer, so it serves the JWKS itself rather than pointing at one, and it
 * publishes and consumes no events, so it needs no broker and no event transport at all.
 */
export const identityConfigSchema = defineServiceConfig(
  { ...identityConfigFields, EVENT_TRANSPORT: z.enum(['kafka', 'in-process', 'none']).default('none') },
  { requires: [] },
);
export type IdentityConfig = z.infer<typeof identityConfigSchema>;

export interface IdentitySettings {
  issuer: string;
  audience: string;
  tokenTtlSeconds: number;
  signingKeyJwk?: RsaPrivateJwk;
  /** Encrypts stored signing keys; absent, a key file in dataDir is used (and made on first use). */
  keyEncryptionKey?: Buffer;
  dataDir: string;
  bootstrapAdminPassword?: string;
  loginThrottle: LoginThrottleSettings;
}

export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');

/** Reads identity's settings from the configuration given to the platform; absent ones take their defaults. */
export function identitySettings(config: PlatformConfig & Partial<IdentityConfig>): IdentitySettings {
  return {
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    tokenTtlSeconds: config.IDENTITY_TOKEN_TTL_SECONDS ?? DEFAULT_TOKEN_TTL_SECONDS,
    signingKeyJwk: config.IDENTITY_SIGNING_KEY_JWK,
    keyEncryptionKey: config.IDENTITY_KEY_ENCRYPTION_KEY
      ? Buffer.from(config.IDENTITY_KEY_ENCRYPTION_KEY, 'base64')
      : undefined,
    dataDir: config.DATA_DIR,
    bootstrapAdminPassword: config.IDENTITY_BOOTSTRAP_ADMIN_PASSWORD,
    loginThrottle: {
      windowSeconds: config.IDENTITY_LOGIN_WINDOW_SECONDS ?? DEFAULT_LOGIN_THROTTLE.windowSeconds,
      maxFailuresPerAccount:
        config.IDENTITY_LOGIN_MAX_FAILURES_PER_ACCOUNT ?? DEFAULT_LOGIN_THROTTLE.maxFailuresPerAccount,
      maxFailuresPerAddress:
        config.IDENTITY_LOGIN_MAX_FAILURES_PER_ADDRESS ?? DEFAULT_LOGIN_THROTTLE.maxFailuresPerAddress,
    },
  };
}
