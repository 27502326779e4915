import { z } from 'zod';
import { defineServiceConfig } from '@crm/config';
import { deniedHostList } from '@crm/webhooks';
import { refineWorkflowConfig, workflowConfigFields } from './workflow/workflow-settings';

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** integration's own variables (named INTEGRATION_*) on top of the platform ones. */
export const integrationConfigSchema = defineServiceConfig(
  {
    /** customer-master's base URL: inbound rows register customers and vehicles through its API (ADR 0029). */
    INTEGRATION_CUSTOMER_MASTER_URL: z.url().optional(),
    /** The brand of an inbound vehicle sale that names none (a single-brand dealer's DMS); Aurora when unset. */
    INTEGRATION_DEFAULT_BRAND: z.string().trim().min(1).max(50).optional(),
    /** Event subscriptions (ADR 0037): how often due deliveries are looked for without being woken. */
    INTEGRATION_WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    /** Subscriber URLs may use plain http / reach loopback and private networks: local trials only. */
    INTEGRATION_WEBHOOK_ALLOW_HTTP: flag.default(false),
    INTEGRATION_WEBHOOK_ALLOW_PRIVATE_TARGETS: flag.default(false),
    /** The platform's own host names and addresses (comma-separated, subdomains included) no subscriber URL may reach. */
    INTEGRATION_WEBHOOK_DENIED_HOSTS: z.string().default('').transform(deniedHostList),
    /** A subscription is paused after this many consecutive failed attempts ... */
    INTEGRATION_SUBSCRIPTION_PAUSE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1_000).default(10),
    /** ... that span at least this many minutes (a short outage does not pause it). */
    INTEGRATION_SUBSCRIPTION_PAUSE_AFTER_MINUTES: z.coerce.number().int().min(0).max(43_200).default(60),
    /** How long consumed events are kept for replays (days). */
    INTEGRATION_EVENT_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    /** Offers (ADR 0043): how often every rule is evaluated over all customers and ended offers expire (minutes). */
    INTEGRATION_OFFER_EVALUATE_MINUTES: z.coerce.number().int().min(1).max(1_440).default(60),
    ...workflowConfigFields,
  },
  { refine: refineWorkflowConfig },
);
export type IntegrationConfig = z.infer<typeof integrationConfigSchema>;
