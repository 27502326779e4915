import { z } from 'zod';

export class ConfigError extends Error {}

/** Parses the environment once at start; a bad value stops start-up with a message naming the variable. */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Express 'trust proxy': true, false, a hop count, or comma-separated addresses/subnets/'loopback'. */
const trustProxy = z
  .string()
  .regex(/^[\w.:/, -]+$/, "'true', 'false', a hop count or comma-separated addresses")
  .transform((value): boolean | number | string =>
    value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value,
  );

/** Variables every service reads; each app extends this with its own. */
export const platformConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: z.url().optional(),
  EVENT_TRANSPORT: z.enum(['kafka', 'in-process']).default('kafka'),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+(,[^,\s]+)*$/, 'comma-separated host:port list')
    .optional(),
  KAFKA_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9.-]*$/)
    .default(''),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(256).default(3),
  OUTBOX_RELAY_ENABLED: booleanFlag.default(true),
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  /** Published outbox rows are deleted after this many hours (unpublished ones never). */
  OUTBOX_RETENTION_HOURS: z.coerce.number().int().min(1).max(87_600).default(168),
  /** Processed event ids must outlive the broker's retention, or a late redelivery would apply twice. */
  INBOX_RETENTION_HOURS: z.coerce.number().int().min(24).max(87_600).default(720),
  AUTH_ISSUER: z.string().min(1).default('crm-identity'),
  /** The `aud` identity puts in its tokens and every service requires. */
  AUTH_AUDIENCE: z.string().min(1).default('crm-api'),
  AUTH_JWKS_URL: z.url().optional(),
  /** Whose X-Forwarded-For to believe for the caller's address; by default nobody's. */
  TRUST_PROXY: trustProxy.default(false),
});
export type PlatformConfig = z.infer<typeof platformConfigSchema>;

/** Cross-variable rules: the distributed mode needs its servers named. */
export const distributedConfigSchema = platformConfigSchema.superRefine((config, ctx) => {
  if (config.EVENT_TRANSPORT === 'kafka' && !config.KAFKA_BROKERS) {
    ctx.addIssue({ code: 'custom', path: ['KAFKA_BROKERS'], message: 'required when EVENT_TRANSPORT=kafka' });
  }
  if (!config.DATABASE_URL) ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'required' });
  if (!config.AUTH_JWKS_URL) ctx.addIssue({ code: 'custom', path: ['AUTH_JWKS_URL'], message: 'required' });
});
