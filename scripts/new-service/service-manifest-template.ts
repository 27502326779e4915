import { ServiceManifest } from '../service-manifests/service-manifest';
import { ServiceNames } from './service-names';

/**
 * apps/<name>/service.json for a new service: the next free host port, its schema, Kafka and Redis
 * like every event-driven service; edit the description, the variables and the flags as it grows.
 */
export function serviceManifest(n: ServiceNames, existing: ServiceManifest[]): string {
  const manifest: ServiceManifest = {
    name: n.kebab,
    description: `${n.kebab}: what it owns. Publishes crm.<aggregate>.v1; consumes crm.<aggregate>.v1.`,
    port: Math.max(3000, ...existing.map((m) => m.port)) + 1,
    database: { schema: n.schema },
    kafka: true,
    redis: true,
    tokenIssuer: false,
    openapi: true,
    scalesOut: true,
    env: [],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
