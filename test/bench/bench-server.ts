import { DynamicModule, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureHttpApp } from '@crm/platform';
import { TEST_ISSUER } from '@crm/testing';

export type ApiDocs = Parameters<typeof configureHttpApp>[1];

/** The settings of a benchmark server, from the environment bench-process.ts gives it: one app, events in process. */
export function benchServerVariables(
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string | undefined> {
  return {
    PORT: '0',
    LOG_LEVEL: 'error',
    DATABASE_URL: env.BENCH_DATABASE_URL,
    EVENT_TRANSPORT: 'in-process',
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_JWKS_URL: env.BENCH_JWKS_URL,
  };
}

async function serve(module: DynamicModule, docs: ApiDocs, logger: LogLevel[], port: number): Promise<void> {
  const app = await NestFactory.create(module, { logger, bodyParser: false });
  configureHttpApp(app, docs);
  await app.listen(port, '127.0.0.1');
  process.send?.({ port: new URL(await app.getUrl()).port });
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
}

/**
 * The child side of a benchmark server (see bench-process.ts): builds the app as its main.ts
 * does (running its migrations), listens on a free port (or `port`, for an app that must know its
 * own URL before it starts), tells the parent the port and closes when the parent leaves. Exits
 * with 1 if the app cannot start.
 */
export function serveToParent(
  build: () => [DynamicModule, ApiDocs],
  logger: LogLevel[] = ['error'],
  port = 0,
): void {
  Promise.resolve()
    .then(() => serve(...build(), logger, port))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
