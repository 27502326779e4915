import { DynamicModule, INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { z } from 'zod';
import { loadConfig, PlatformConfig } from '@crm/config';
import { Logger } from 'nestjs-pino';
import { configureHttpApp, HttpAppOptions } from './http-app';

export interface ServiceDefinition<S extends z.ZodObject> {
  /** Names the process in logs. */
  service: string;
  /** The app's variables, declared with `defineServiceConfig`; parsed once, before anything starts. */
  configSchema: S;
  /** The app's root module for its configuration (its PlatformModule brings health and metrics). */
  appModule: (config: z.infer<S>) => DynamicModule;
  /** Title and description of the OpenAPI document served at /docs. */
  api: HttpAppOptions;
  /** Cut open connections (SSE streams) at shutdown instead of waiting for their clients. */
  forceCloseConnections?: boolean;
  /** The interface to listen on; every interface when it returns undefined. */
  host?: (config: z.infer<S>) => string | undefined;
  /** Adds to the HTTP app before it listens, after the shared conventions (e.g. static files). */
  configureApp?: (app: INestApplication, config: z.infer<S>) => void;
  /** Runs once the app listens, e.g. to seed demo data or print a banner. */
  onListening?: (started: StartedService<z.infer<S>>) => Promise<void> | void;
}

export interface StartedService<C> {
  app: INestApplication;
  config: C;
  url: string;
  logger: LoggerService;
}

/**
 * Starts one app: configuration, JSON logs (nestjs-pino, from PlatformModule), graceful shutdown on SIGTERM, the shared HTTP
 * conventions (`configureHttpApp`: validation, problem+json, OpenAPI at /docs), listen, log the URL.
 * Health and metrics come with the app module's PlatformModule. Throws on any failure;
 * `bootstrapService` is what main.ts calls.
 */
export async function startService<S extends z.ZodObject>(
  definition: ServiceDefinition<S>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<StartedService<z.infer<S>>> {
  const config = loadConfig(definition.configSchema, env);
  const platform = config as unknown as PlatformConfig;
  // Start-up lines wait for the pino logger the app module's PlatformModule builds.
  const app = await NestFactory.create(definition.appModule(config), {
    bufferLogs: true,
    bodyParser: false,
    forceCloseConnections: definition.forceCloseConnections ?? false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  try {
    // SIGTERM drains consumers and the outbox relay before exit (configureHttpApp asks too; it is idempotent).
    app.enableShutdownHooks();
    configureHttpApp(app, definition.api);
    definition.configureApp?.(app, config);
    const host = definition.host?.(config);
    await (host === undefined ? app.listen(platform.PORT) : app.listen(platform.PORT, host));
    const url = await app.getUrl();
    logger.log(`${definition.service} listening on ${url} (API docs at ${url}/docs)`, 'Bootstrap');
    const started = { app, config, url, logger };
    await definition.onListening?.(started);
    return started;
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** The whole of an app's main.ts: start it, or stop the process with the reason (e.g. the bad variable). */
export async function bootstrapService<S extends z.ZodObject>(
  definition: ServiceDefinition<S>,
): Promise<void> {
  try {
    await startService(definition);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
