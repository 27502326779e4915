import { z } from 'zod';
import { identityConfigFields } from '@crm/app-identity';
import { defineServiceConfig } from '@crm/config';

/** The embedded default: no servers to install, so every server variable is optional here. */
export const allInOneConfigSchema = defineServiceConfig(
  {
    ...identityConfigFields,
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Loopback by default: a demo is not exposed to the network unless asked (HOST=0.0.0.0). */
    HOST: z.string().min(1).default('127.0.0.1'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('warn'),
    EVENT_TRANSPORT: z.enum(['kafka', 'in-process']).default('in-process'),
    DEMO_SEED: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    /** The web console's build (`npm run console:build`), served at /console/ when present. */
    CONSOLE_DIR: z.string().min(1).default('apps/console/dist'),
    DEMO_CUSTOMERS: z.coerce.number().int().min(0).max(10_000).default(300),
  },
  { requires: [] },
);
export type AllInOneConfig = z.infer<typeof allInOneConfigSchema>;
