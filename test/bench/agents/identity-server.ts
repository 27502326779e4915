// First, as in every main.ts: tracing patches the instrumented modules before they load.
import '@crm/tracing';
import 'reflect-metadata';
import { IDENTITY_API, IdentityAppModule, identityConfigSchema } from '@crm/app-identity';
import { benchServerVariables, serveToParent } from '../bench-server';

/** An agent's shift: the token an agent signs in for lasts the whole ramp. */
const SHIFT_SECONDS = '28800';

/**
 * Identity in a process of its own, as deployed: it signs tokens under the issuer name the bench's
 * other services accept and serves the JWKS they verify them with, on the port the parent chose
 * (its own JWKS URL is part of its configuration).
 */
serveToParent(
  () => {
    const env = process.env;
    const config = identityConfigSchema.parse({
      ...benchServerVariables(env),
      PORT: env.BENCH_PORT,
      AUTH_JWKS_URL: `http://127.0.0.1:${env.BENCH_PORT}/auth/jwks`,
      REDIS_URL: env.BENCH_REDIS_URL,
      EVENT_TRANSPORT: 'none',
      IDENTITY_KEY_ENCRYPTION_KEY: env.BENCH_KEY_ENCRYPTION_KEY,
      IDENTITY_TOKEN_TTL_SECONDS: SHIFT_SECONDS,
    });
    return [IdentityAppModule.forRoot(config), IDENTITY_API];
  },
  ['error', 'warn'],
  Number(process.env.BENCH_PORT),
);
