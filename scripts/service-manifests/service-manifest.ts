import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The file in an app's folder that describes it to everything outside the app. */
export const MANIFEST_FILE = 'service.json';

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

/** A variable the app reads that a deployment sets (beyond the platform's own). */
const environmentVariableSchema = z.strictObject({
  name: z.string().regex(ENV_NAME),
  /** What it is, in a sentence or two; becomes the comment above it in every generated file. */
  description: z.string().min(1),
  /** An example value, shown in deploy/env.example. */
  example: z.string().optional(),
  /** A credential: kept in .env and a Kubernetes Secret (crm-<app>-secrets), never in a ConfigMap. */
  secret: z.boolean().default(false),
  /** The deployment must set it (compose stops with a message naming it). */
  required: z.boolean().default(false),
  /** The value docker-compose.yml gives it; without one it is taken from .env when set there. */
  compose: z.string().optional(),
  /** The value in the app's Kubernetes ConfigMap (crm-<app>-config); without one it is listed commented out. */
  kubernetes: z.string().optional(),
});

export const serviceManifestSchema = z.strictObject({
  /** The folder under apps/, the image crm/<name>, the Kubernetes names and the logger name. */
  name: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/),
  /** What the service owns, publishes and consumes; the comment on its deployment descriptions. */
  description: z.string().min(1),
  /** Its port on the docker-compose host (each service listens on 3000 in its container). */
  port: z.number().int().min(1024).max(65535),
  /** The schema it owns; its roles are crm_<schema>_migrator (DDL) and crm_<schema>_app (DML only). */
  database: z.strictObject({ schema: z.string().regex(/^[a-z][a-z0-9_]*$/) }),
  /** Publishes or consumes events: Kafka settings, a broker dependency and egress to the brokers. */
  kafka: z.boolean(),
  /** Uses Redis (rate limits, locks, pub/sub, cache): REDIS_URL and a dependency on Redis. */
  redis: z.boolean(),
  /** Issues the tokens (and serves the JWKS) the other services verify; they start after it. */
  tokenIssuer: z.boolean().default(false),
  /** Serves an OpenAPI document at /docs: fuzzed, and given a typed client in libs/api-client. */
  openapi: z.boolean(),
  /** More than one replica is safe (autoscaled in Kubernetes); false keeps exactly one pod. */
  scalesOut: z.boolean(),
  env: z.array(environmentVariableSchema).default([]),
  /** Ports it reaches outside the cluster (SMTP, webhooks, ...) beyond PostgreSQL, Redis and Kafka. */
  egress: z
    .strictObject({ ports: z.array(z.number().int().min(1).max(65535)).min(1), why: z.string() })
    .optional(),
});

export type ServiceManifest = z.infer<typeof serviceManifestSchema>;
export type EnvironmentVariable = ServiceManifest['env'][number];

export function readServiceManifest(root: string, app: string): ServiceManifest {
  const file = join(root, 'apps', app, MANIFEST_FILE);
  const parsed = serviceManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`apps/${app}/${MANIFEST_FILE}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  if (parsed.data.name !== app)
    throw new Error(`apps/${app}/${MANIFEST_FILE}: name is "${parsed.data.name}", not its folder's "${app}"`);
  return parsed.data;
}

/** Every deployable service, by name: the apps/ folders with a service.json. */
export function loadServiceManifests(root: string): ServiceManifest[] {
  const manifests = readdirSync(join(root, 'apps'))
    .filter((app) => existsSync(join(root, 'apps', app, MANIFEST_FILE)))
    .sort()
    .map((app) => readServiceManifest(root, app));
  for (const [field, valueOf] of [
    ['port', (m: ServiceManifest) => String(m.port)],
    ['database.schema', (m: ServiceManifest) => m.database.schema],
  ] as const) {
    const seen = new Map<string, string>();
    for (const manifest of manifests) {
      const value = valueOf(manifest);
      const other = seen.get(value);
      if (other) throw new Error(`apps/${other} and apps/${manifest.name} both have ${field} ${value}`);
      seen.set(value, manifest.name);
    }
  }
  return manifests;
}

/** The database roles of a service (deploy/sql/service-roles.sql creates them). */
export function databaseRoles(manifest: ServiceManifest): { migrator: string; app: string } {
  return { migrator: `crm_${manifest.database.schema}_migrator`, app: `crm_${manifest.database.schema}_app` };
}
