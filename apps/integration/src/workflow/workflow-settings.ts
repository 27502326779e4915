import { z } from 'zod';
import { PlatformConfig } from '@crm/config';
import { MAX_DELIVERY_ATTEMPTS } from '@crm/messaging';

export const WORKFLOW_SETTINGS = Symbol('WORKFLOW_SETTINGS');

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Workflow rules' variables (ADR 0038), part of integration's configuration. */
export const workflowConfigFields = {
  /** How often the firing executor and the cron scheduler look for work besides being woken. */
  INTEGRATION_WORKFLOW_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).optional(),
  /** Attempts of a firing before it is recorded as failed (the backoff doubles from 1 s). */
  INTEGRATION_WORKFLOW_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(MAX_DELIVERY_ATTEMPTS).optional(),
  /** Days the events seen are kept for dry runs. */
  INTEGRATION_WORKFLOW_RECENT_EVENT_DAYS: z.coerce.number().int().min(1).max(90).optional(),
  /** call-subscriber may post over http (tests, the embedded default); https only otherwise. */
  INTEGRATION_WORKFLOW_SUBSCRIBER_ALLOW_HTTP: flag.optional(),
  /** call-subscriber may post to private and loopback addresses (tests, the embedded default). */
  INTEGRATION_WORKFLOW_SUBSCRIBER_ALLOW_PRIVATE_TARGETS: flag.optional(),
  /** The platform's own host names (comma-separated): never a subscriber. */
  INTEGRATION_WORKFLOW_SUBSCRIBER_DENIED_HOSTS: z.string().optional(),
};
type WorkflowConfig = Partial<z.infer<z.ZodObject<typeof workflowConfigFields>>>;

export interface WorkflowSettings {
  backgroundJobs: boolean;
  pollIntervalMs: number;
  maxAttempts: number;
  recentEventDays: number;
  subscriberAllowHttp: boolean;
  subscriberAllowPrivateTargets: boolean;
  subscriberDeniedHosts: string[];
}

export function workflowSettings(config: PlatformConfig & WorkflowConfig): WorkflowSettings {
  return {
    backgroundJobs: true,
    pollIntervalMs: config.INTEGRATION_WORKFLOW_POLL_INTERVAL_MS ?? 1_000,
    maxAttempts: config.INTEGRATION_WORKFLOW_MAX_ATTEMPTS ?? MAX_DELIVERY_ATTEMPTS,
    recentEventDays: config.INTEGRATION_WORKFLOW_RECENT_EVENT_DAYS ?? 7,
    subscriberAllowHttp: config.INTEGRATION_WORKFLOW_SUBSCRIBER_ALLOW_HTTP ?? false,
    subscriberAllowPrivateTargets: config.INTEGRATION_WORKFLOW_SUBSCRIBER_ALLOW_PRIVATE_TARGETS ?? false,
    subscriberDeniedHosts: (config.INTEGRATION_WORKFLOW_SUBSCRIBER_DENIED_HOSTS ?? '')
      .split(',')
      .map((host) => host.trim().toLowerCase().replace(/\.$/, ''))
      .filter(Boolean),
  };
}
