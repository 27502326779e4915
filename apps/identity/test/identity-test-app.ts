import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createServer } from 'node:net';
import { Clock } from '@crm/core';
import { configureHttpApp } from '@crm/platform';
import { createTestDatabase, testPlatformConfig, TestDatabase } from '@crm/testing';
import { IdentityAppModule } from '../src/identity-app.module';
import { IdentityConfig } from '../src/identity.config';
import { DEFAULT_LOGIN_THROTTLE } from '../src/tokens/login-throttle.constants';

type IdentityOverrides = Partial<
  Pick<
    IdentityConfig,
    | 'IDENTITY_BOOTSTRAP_ADMIN_PASSWORD'
    | 'IDENTITY_LOGIN_WINDOW_SECONDS'
    | 'IDENTITY_LOGIN_MAX_FAILURES_PER_ACCOUNT'
    | 'IDENTITY_LOGIN_MAX_FAILURES_PER_ADDRESS'
    | 'IDENTITY_KEY_ENCRYPTION_KEY'
    | 'DATA_DIR'
    | 'TRUST_PROXY'
  >
>;

/** Fixed, so an app restarted on the same database can read the keys it stored. */
export const TEST_KEY_ENCRYPTION_KEY = Buffer.alloc(32, 'identity-test').toString('base64');

export interface IdentityTestApp {
  app: INestApplication;
  url: string;
  jwksUrl: string;
  database: TestDatabase;
  /** Stops the app; drops the database unless it was handed in. */
  close(): Promise<void>;
}

/** The platform verifies tokens through the JWKS URL it is given at start, so the port is chosen before. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startIdentityApp(
  identity: IdentityOverrides = {},
  database?: TestDatabase,
  clock?: Clock,
): Promise<IdentityTestApp> {
  const db = database ?? (await createTestDatabase('identity'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const jwksUrl = `${url}/auth/jwks`;
  const platform = testPlatformConfig({
    DATABASE_URL: db.url,
    AUTH_JWKS_URL: jwksUrl,
    PORT: String(port),
    EVENT_TRANSPORT: 'none',
  });
  const config: IdentityConfig = {
    ...platform,
    IDENTITY_TOKEN_TTL_SECONDS: 900,
    IDENTITY_LOGIN_WINDOW_SECONDS: DEFAULT_LOGIN_THROTTLE.windowSeconds,
    IDENTITY_LOGIN_MAX_FAILURES_PER_ACCOUNT: DEFAULT_LOGIN_THROTTLE.maxFailuresPerAccount,
    IDENTITY_LOGIN_MAX_FAILURES_PER_ADDRESS: DEFAULT_LOGIN_THROTTLE.maxFailuresPerAddress,
    IDENTITY_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
    ...identity,
  };
  const builder = Test.createTestingModule({ imports: [IdentityAppModule.forRoot(config)] });
  if (clock) builder.overrideProvider(Clock).useValue(clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ logger: ['error'], bodyParser: false });
  configureHttpApp(app, { title: 'identity (test)', description: 'integration test' });
  await app.listen(port, '127.0.0.1');
  return {
    app,
    url,
    jwksUrl,
    database: db,
    close: async () => {
      await app.close();
      if (!database) await db.drop();
    },
  };
}
