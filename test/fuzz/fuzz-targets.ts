import { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { TestTokenIssuer } from '@crm/testing';
import { startIdentityApp } from '../../apps/identity/test/identity-test-app';
import { loadServiceManifests, ServiceManifest } from '../../scripts/service-manifests/service-manifest';
import { Credentials, OpenApiDocument } from './fuzz-cases';

const ROOT = join(__dirname, '..', '..');

/** One running app under fuzz: where it listens, its OpenAPI document, and tokens to use on it. */
export interface FuzzTarget {
  name: string;
  url: string;
  document: OpenApiDocument;
  credentials: Credentials;
  stop(): Promise<void>;
}

const IDENTITY_ADMIN_PASSWORD = 'fuzz-admin-password-1';

async function listening(app: INestApplication): Promise<string> {
  const server = app.getHttpServer();
  if (!server.listening) await app.listen(0, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

async function openApi(url: string): Promise<OpenApiDocument> {
  const response = await request(url).get('/docs/openapi.json').expect(200);
  return response.body;
}

/** Signs tokens with a key none of the apps trusts, under the same issuer and key id. */
export async function foreignToken(): Promise<string> {
  const stranger = await TestTokenIssuer.start();
  try {
    return await stranger.sign({ roles: ['admin'] });
  } finally {
    await stranger.stop();
  }
}

type Harness = {
  app: INestApplication;
  tokens: TestTokenIssuer;
  stop(): Promise<void>;
};

async function fromHarness(name: string, harness: Harness, foreign: string): Promise<FuzzTarget> {
  const url = await listening(harness.app);
  return {
    name,
    url,
    document: await openApi(url),
    credentials: { valid: await harness.tokens.sign({ roles: ['admin'] }), foreign },
    stop: () => harness.stop(),
  };
}

type StartTarget = (foreign: string) => Promise<FuzzTarget>;

/** apps/<app>/test/<app>.harness.ts, the one class it exports with a static start() (as the generator writes it). */
function harnessOf(app: string): () => Promise<Harness> {
  const file = join(ROOT, 'apps', app, 'test', `${app}.harness.ts`);
  if (!existsSync(file))
    throw new Error(
      `apps/${app} has an OpenAPI document but no test harness to fuzz it: apps/${app}/test/${app}.harness.ts`,
    );
  // The harness is found by its path: a new app needs no import here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = Object.values(require(file) as Record<string, unknown>);
  const harness = exported.find(
    (value): value is { start(): Promise<Harness> } =>
      typeof value === 'function' && typeof (value as { start?: unknown }).start === 'function',
  );
  if (!harness) throw new Error(`apps/${app}/test/${app}.harness.ts exports no class with a static start()`);
  return () => harness.start();
}

function starterOf(manifest: ServiceManifest): StartTarget {
  // The token issuer is fuzzed with the tokens it issues itself.
  if (manifest.tokenIssuer) return startIdentity;
  const start = harnessOf(manifest.name);
  return async (foreign) => fromHarness(manifest.name, await start(), foreign);
}

/** Every app whose apps/<app>/service.json says it serves an OpenAPI document, with how to start it. */
export function fuzzTargets(): [string, StartTarget][] {
  return loadServiceManifests(ROOT)
    .filter((manifest) => manifest.openapi)
    .map((manifest) => [manifest.name, starterOf(manifest)]);
}

/**
 * Failed sign-ins are counted in Redis per account and per address, and the fuzz fails many, with
 * the documented example user names. It counts them in a logical database of its own, emptied
 * afterwards, so it never locks out the accounts that other test runs on the same Redis sign in with.
 */
const FUZZ_REDIS_DATABASE = 15;

function fuzzRedisUrl(): string {
  const url = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  url.pathname = `/${FUZZ_REDIS_DATABASE}`;
  return url.toString();
}

async function forgetLoginFailures(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    const keys = await redis.keys('crm:identity:login:*');
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

/** identity issues its own tokens: the fuzz signs in as the bootstrap admin. */
export async function startIdentity(foreign: string): Promise<FuzzTarget> {
  const sharedRedis = process.env.TEST_REDIS_URL;
  const redisUrl = fuzzRedisUrl();
  process.env.TEST_REDIS_URL = redisUrl;
  const identity = await startIdentityApp({
    IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: IDENTITY_ADMIN_PASSWORD,
  }).finally(() => (process.env.TEST_REDIS_URL = sharedRedis));
  await forgetLoginFailures(redisUrl);
  const token = await request(identity.url)
    .post('/auth/token')
    .send({ grant_type: 'password', username: 'admin', password: IDENTITY_ADMIN_PASSWORD })
    .expect(200);
  return {
    name: 'identity',
    url: identity.url,
    document: await openApi(identity.url),
    credentials: { valid: token.body.access_token, foreign },
    stop: async () => {
      await identity.close();
      await forgetLoginFailures(redisUrl);
    },
  };
}
