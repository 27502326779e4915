import { PlatformConfig } from '@crm/config';
import { WebhookTargetSettings } from '@crm/webhooks';
import { IntegrationConfig } from '../integration.config';

export const SUBSCRIPTION_SETTINGS = Symbol('SUBSCRIPTION_SETTINGS');

export interface SubscriptionSettings {
  /** The dispatcher and the event log's retention run on timers; tests turn them off and drive them. */
  backgroundJobs: boolean;
  pollIntervalMs: number;
  targets: WebhookTargetSettings;
  /** A subscription is paused after `pauseAfterFailures` consecutive failed attempts spanning `pauseAfterMs`. */
  pauseAfterFailures: number;
  pauseAfterMs: number;
  eventLogRetentionMs: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Deployed alone the variables are parsed (with their defaults); the embedded default names none of them and, as for
 * station webhooks there, lets subscribers on the same machine be reached over http.
 */
export function subscriptionSettings(
  config: PlatformConfig & Partial<IntegrationConfig>,
): SubscriptionSettings {
  return {
    backgroundJobs: true,
    pollIntervalMs: config.INTEGRATION_WEBHOOK_POLL_INTERVAL_MS ?? 1_000,
    targets: {
      allowHttp: config.INTEGRATION_WEBHOOK_ALLOW_HTTP ?? true,
      allowPrivateTargets: config.INTEGRATION_WEBHOOK_ALLOW_PRIVATE_TARGETS ?? true,
      deniedHosts: config.INTEGRATION_WEBHOOK_DENIED_HOSTS ?? [],
    },
    pauseAfterFailures: config.INTEGRATION_SUBSCRIPTION_PAUSE_AFTER_FAILURES ?? 10,
    pauseAfterMs: (config.INTEGRATION_SUBSCRIPTION_PAUSE_AFTER_MINUTES ?? 60) * MINUTE_MS,
    eventLogRetentionMs: (config.INTEGRATION_EVENT_LOG_RETENTION_DAYS ?? 7) * DAY_MS,
  };
}
