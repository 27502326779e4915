import { DynamicModule, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureHttpApp } from '@crm/platform';

export type ApiDocs = Parameters<typeof configureHttpApp>[1];

/**
 * The child side of a benchmark server (see bench-process.ts): builds the app as its main.ts
 * does, listens on a free port, tells the parent the port and closes when the parent leaves.
 */
export async function serveToParent(
  module: DynamicModule,
  docs: ApiDocs,
  logger: LogLevel[] = ['error'],
): Promise<void> {
  const app = await NestFactory.create(module, { logger, bodyParser: false });
  configureHttpApp(app, docs);
  await app.listen(0, '127.0.0.1');
  process.send?.({ port: new URL(await app.getUrl()).port });
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
}
