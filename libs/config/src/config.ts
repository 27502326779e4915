import { z } from 'zod';

export class ConfigError extends Error {}

/**
 * Parses the environment once at start; a bad value stops start-up with a message naming the variable.
 * An empty variable (`DATABASE_URL=`) counts as unset, as compose files and shells often leave one.
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.safeParse(withoutEmptyValues(env));
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}

function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  const set: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') set[name] = value;
  }
  return set;
}

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Express 'trust proxy': true, false, a hop count, or comma-separated addresses/subnets/'loopback'. */
const trustProxy = z
  .string()
  .regex(/^[\w.:/, -]+$/, "'true', 'false', a hop count or comma-separated addresses")
  .transform((value): boolean | number | string =>
    value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value,
  );

/** Variables every service reads; each app extends this with its own through `defineServiceConfig`. */
export const platformConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** A management port for /metrics alone (deployments); unset, /metrics answers on PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DATABASE_URL: z.url().optional(),
  /** skip when a separate migrate step runs them (deploy/migrate.ts) and the service's role has no DDL rights. */
  DATABASE_MIGRATIONS: z.enum(['on-start', 'skip']).default('on-start'),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: z.url().optional(),
  /** none: a service that neither publishes nor consumes events (identity). */
  EVENT_TRANSPORT: z.enum(['kafka', 'in-process', 'none']).default('kafka'),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+(,[^,\s]+)*$/, 'comma-separated host:port list')
    .optional(),
  KAFKA_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9.-]*$/)
    .default(''),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(256).default(3),
  /** Replication factor of the topics services create; the broker's default.replication.factor when absent. */
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(32).optional(),
  KAFKA_SSL: booleanFlag.default(false),
  /** PEM file of the CA that signed the brokers' certificates (else the system CAs). */
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
  KAFKA_SSL_REJECT_UNAUTHORIZED: booleanFlag.default(true),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  OUTBOX_RELAY_ENABLED: booleanFlag.default(true),
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  /** Published outbox rows are deleted after this many hours (unpublished ones never). */
  OUTBOX_RETENTION_HOURS: z.coerce.number().int().min(1).max(87_600).default(168),
  /** Processed event ids must outlive the broker's retention, or a late redelivery would apply twice. */
  INBOX_RETENTION_HOURS: z.coerce.number().int().min(24).max(87_600).default(720),
  /** Rows of `<schema>.read_audit` (who read personal data) are deleted after this many days (ADR 0013). */
  READ_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(365),
  AUTH_ISSUER: z.string().min(1).default('crm-identity'),
  /** The `aud` identity puts in its tokens and every service requires. */
  AUTH_AUDIENCE: z.string().min(1).default('crm-api'),
  AUTH_JWKS_URL: z.url().optional(),
  /** Whose X-Forwarded-For to believe for the caller's address; by default nobody's. */
  TRUST_PROXY: trustProxy.default(false),
});
export type PlatformConfig = z.infer<typeof platformConfigSchema>;
