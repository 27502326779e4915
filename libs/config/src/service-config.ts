import { z } from 'zod';
import { PlatformConfig, platformConfigSchema } from './config';

/** Servers a service deployed alone may have to be given. */
export type RequiredServer = 'DATABASE_URL' | 'AUTH_JWKS_URL' | 'REDIS_URL';

type ServiceConfigOf<F extends z.ZodRawShape> = z.infer<ReturnType<typeof platformConfigSchema.extend<F>>>;

export interface ServiceConfigOptions<C> {
  /** Servers that must be named at start; by default the database and the token issuer's JWKS. */
  requires?: readonly RequiredServer[];
  /** The service's own rules across its variables, e.g. a key required with a gateway URL. */
  refine?: (config: C, ctx: z.RefinementCtx<C>) => void;
}

/**
 * One way for every app to declare its configuration: the platform variables, the app's own
 * `fields` (which may also override a platform default), the servers it needs and its own rules.
 * Parse the result once at start with `loadConfig`.
 */
export function defineServiceConfig<F extends z.ZodRawShape>(
  fields: F,
  options: ServiceConfigOptions<ServiceConfigOf<F>> = {},
) {
  const requires = options.requires ?? ['DATABASE_URL', 'AUTH_JWKS_URL'];
  return platformConfigSchema.extend(fields).superRefine((config, ctx) => {
    const platform = config as PlatformConfig;
    if (platform.EVENT_TRANSPORT === 'kafka' && !platform.KAFKA_BROKERS) {
      ctx.addIssue({
        code: 'custom',
        path: ['KAFKA_BROKERS'],
        message: 'required when EVENT_TRANSPORT=kafka',
      });
    }
    if (platform.KAFKA_SASL_MECHANISM && !(platform.KAFKA_SASL_USERNAME && platform.KAFKA_SASL_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: ['KAFKA_SASL_USERNAME'],
        message: 'KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required with KAFKA_SASL_MECHANISM',
      });
    }
    for (const server of requires) {
      if (!platform[server]) ctx.addIssue({ code: 'custom', path: [server], message: 'required' });
    }
    options.refine?.(config as ServiceConfigOf<F>, ctx as z.RefinementCtx<ServiceConfigOf<F>>);
  });
}

/** A service with no variables of its own, deployed alone: database, JWKS and (by default) Kafka. */
export const distributedConfigSchema = defineServiceConfig({});
