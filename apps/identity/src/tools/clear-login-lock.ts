import { parseArgs } from 'node:util';
import { loadConfig } from '@crm/config';
import { SystemClock } from '@crm/core';
import { RedisCacheStore } from '@crm/observability';
import { identityConfigSchema, identitySettings } from '../identity.config';
import { LoginThrottle } from '../tokens/login-throttle';

const USAGE = `Lifts a sign-in lockout (429 at POST /auth/token), e.g. of the only administrator.
Usage: npx ts-node --transpile-only -r tsconfig-paths/register apps/identity/src/tools/clear-login-lock.ts \\
         <username|client id> [--client] [--address <ip>]
Reads REDIS_URL and IDENTITY_LOGIN_WINDOW_SECONDS as the identity service does.`;

/** Clears the lock and answers what it did; throws with the usage on bad arguments. */
export async function clearLoginLock(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { client: { type: 'boolean', default: false }, address: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new Error(USAGE);
  const config = loadConfig(identityConfigSchema, env);
  if (!config.REDIS_URL)
    throw new Error(
      'No REDIS_URL: the counters live in the identity process itself; restarting it clears them.',
    );
  const cache = new RedisCacheStore(config.REDIS_URL);
  try {
    const throttle = new LoginThrottle(cache, new SystemClock(), identitySettings(config));
    const kind = values.client ? 'client' : 'user';
    await throttle.clear({ kind, account: positionals[0] }, values.address);
    return `Cleared the failed sign-ins of ${kind} "${positionals[0]}"${values.address ? ` and of ${values.address}` : ''}.`;
  } finally {
    await cache.close();
  }
}

if (require.main === module) {
  clearLoginLock(process.argv.slice(2), process.env).then(
    (message) => console.log(message),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
