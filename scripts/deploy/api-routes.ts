import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every service's OpenAPI paths, by service, as `npm run api:generate` writes them from the documents the
 * services serve at /docs-json; the gateway's routing is generated from it (`npm run deploy:generate`).
 */
export const API_ROUTES_FILE = 'deploy/gateway/api-routes.json';

export interface ServiceRoutes {
  /** Every path of its document, as written there (`/customers/{id}/360`). */
  paths: string[];
  /** The paths answering `text/event-stream`: proxied unbuffered, with a long read timeout. */
  streams: string[];
}

/** By service name (the apps/ folder, the compose service and the Kubernetes Service). */
export type ApiRoutes = Record<string, ServiceRoutes>;

export function readApiRoutes(root: string): ApiRoutes {
  const file = join(root, API_ROUTES_FILE);
  if (!existsSync(file)) throw new Error(`${API_ROUTES_FILE} is missing: run npm run api:generate`);
  return JSON.parse(readFileSync(file, 'utf8')) as ApiRoutes;
}
