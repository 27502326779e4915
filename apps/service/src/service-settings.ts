import { z } from 'zod';
import { platformConfigSchema } from '@crm/config';

export const SERVICE_SETTINGS = Symbol('SERVICE_SETTINGS');

export interface ServiceSettings {
  /** Webhook dispatcher and SLA checker timers; tests turn them off and call them directly. */
  backgroundJobs: boolean;
  webhookPollIntervalMs: number;
  slaCheckIntervalMs: number;
  /** Where customers open their survey link; the token is appended. */
  surveyBaseUrl: string;
}

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  backgroundJobs: true,
  webhookPollIntervalMs: 1_000,
  slaCheckIntervalMs: 60_000,
  surveyBaseUrl: 'http://localhost:3000/survey/',
};

/** The service app's own variables on top of the platform ones. */
export const serviceConfigSchema = platformConfigSchema.extend({
  WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  SLA_CHECK_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  SURVEY_BASE_URL: z.url().default(DEFAULT_SERVICE_SETTINGS.surveyBaseUrl),
});
export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

export function serviceSettingsFrom(config: ServiceConfig): ServiceSettings {
  return {
    backgroundJobs: true,
    webhookPollIntervalMs: config.WEBHOOK_POLL_INTERVAL_MS,
    slaCheckIntervalMs: config.SLA_CHECK_INTERVAL_MS,
    surveyBaseUrl: config.SURVEY_BASE_URL,
  };
}
