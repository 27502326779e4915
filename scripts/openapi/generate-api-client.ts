import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { OpenAPIObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { join, relative } from 'node:path';
import { API_ROUTES_FILE } from '../deploy/api-routes';
import {
  clientApps,
  GENERATED_DIR,
  GENERATED_INDEX,
  generateClientTypes,
  generatedFile,
  generateIndex,
} from './api-client-types';
import { apiRoutesJson } from './api-routes-of';
import { buildApiDocument, ROOT } from './app-documents';

/**
 * `npm run api:generate`: rewrites libs/api-client/src/generated/<app>.ts from every app's document, and
 * deploy/gateway/api-routes.json (every app's paths, which the gateway's generated routing follows).
 * With `--check` it writes nothing and exits 1 naming the files that differ from a fresh generation.
 */
async function main(check: boolean): Promise<void> {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const stale: string[] = [];
  const apps = clientApps();
  const documents = new Map<string, OpenAPIObject>();
  for (const app of apps) documents.set(app.name, await buildApiDocument(app));
  const files: [string, () => Promise<string>][] = [
    ...apps.map((app): [string, () => Promise<string>] => [
      generatedFile(app),
      () => generateClientTypes(app, documents.get(app.name) as OpenAPIObject),
    ]),
    [GENERATED_INDEX, () => generateIndex(apps)],
    [join(ROOT, API_ROUTES_FILE), async () => apiRoutesJson(documents)],
  ];
  for (const [file, generate] of files) {
    const fresh = await generate();
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== fresh) stale.push(relative(ROOT, file));
      continue;
    }
    writeFileSync(file, fresh);
    console.log(`wrote ${relative(ROOT, file)}`);
  }
  if (stale.length > 0) {
    console.error(`out of date (run npm run api:generate): ${stale.join(', ')}`);
    process.exit(1);
  }
}

main(process.argv.includes('--check')).catch((error) => {
  console.error(error);
  process.exit(1);
});
