import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { OpenAPIObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, platformConfigSchema } from '@crm/config';
import { ApiDocumentOptions, createApiDocument } from '@crm/platform';

export const ROOT = join(__dirname, '..', '..');

/** An app found under apps/ whose public entry exports its API description and a root module. */
export interface ApiApp {
  name: string;
  api: ApiDocumentOptions;
  rootModule: (config: unknown) => DynamicModule;
  /** The all-in-one composes the others; its document is their union. */
  composite: boolean;
}

type ModuleWithForRoot = { forRoot(config: unknown): DynamicModule };

/**
 * Every app with an `apps/<app>/src/index.ts` that exports `<NAME>_API` and a module with a static
 * `forRoot(config)` (`<Name>AppModule`, or the all-in-one's module): new apps are picked up alone.
 */
export function findApiApps(): ApiApp[] {
  const apps = readdirSync(join(ROOT, 'apps')).filter((name) =>
    existsSync(join(ROOT, 'apps', name, 'src', 'index.ts')),
  );
  return apps.sort().flatMap((name) => {
    // A dynamic import would escape tsconfig-paths and jest's module mapper; the entry is CommonJS anyway.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const entry = require(`@crm/app-${name}`) as Record<string, unknown>;
    const apiKey = Object.keys(entry).find((key) => key.endsWith('_API'));
    const moduleKeys = Object.keys(entry).filter(
      (key) =>
        key.endsWith('Module') && typeof (entry[key] as Partial<ModuleWithForRoot>)?.forRoot === 'function',
    );
    const moduleKey = moduleKeys.find((key) => key.endsWith('AppModule')) ?? moduleKeys[0];
    if (!apiKey || !moduleKey) return [];
    const rootModule = entry[moduleKey] as ModuleWithForRoot;
    return [
      {
        name,
        api: entry[apiKey] as ApiDocumentOptions,
        rootModule: (config: unknown) => rootModule.forRoot(config),
        composite: !moduleKey.endsWith('AppModule'),
      },
    ];
  });
}

/** Builds the document the app serves at /docs-json, from its modules in preview mode: no I/O at all. */
export async function buildApiDocument(app: ApiApp): Promise<OpenAPIObject> {
  const config = loadConfig(platformConfigSchema, { DATA_DIR: ':memory:', EVENT_TRANSPORT: 'in-process' });
  const nest = await NestFactory.create(app.rootModule(config), { preview: true, logger: false });
  try {
    return createApiDocument(nest, app.api);
  } finally {
    await nest.close();
  }
}
