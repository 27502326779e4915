import { z } from 'zod';
import { PlatformConfig } from '@crm/config';
import { MAX_DELIVERY_ATTEMPTS } from '@crm/messaging';

export const WORKFLOW_SETTINGS = Symbol('WORKFLOW_SETTINGS');

/** Workflow rules' variables (ADR 0038), part of integration's configuration. */
export const workflowConfigFields = {
  /** How often the firing executor and the cron scheduler look for work besides being woken. */
  INTEGRATION_WORKFLOW_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).optional(),
  /** Attempts of a firing before it is recorded as failed (the backoff doubles from 1 s). */
  INTEGRATION_WORKFLOW_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(MAX_DELIVERY_ATTEMPTS).optional(),
  /** Days the events seen are kept for dry runs. */
  INTEGRATION_WORKFLOW_RECENT_EVENT_DAYS: z.coerce.number().int().min(1).max(90).optional(),
  /** Days a finished firing (and the done tasks it made) is kept; a firing with an open task stays. */
  INTEGRATION_WORKFLOW_FIRING_RETENTION_DAYS: z.coerce.number().int().min(7).max(3_650).optional(),
  /** send-message by email: the SMTP server; without it rules cannot send email. */
  INTEGRATION_WORKFLOW_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' })
    .optional(),
  INTEGRATION_WORKFLOW_SMTP_FROM: z.string().min(3).optional(),
  /** send-message by SMS: the gateway (HTTP, bearer key); without it rules cannot send SMS. */
  INTEGRATION_WORKFLOW_SMS_GATEWAY_URL: z
    .url({ protocol: /^https?$/, error: 'an http:// or https:// URL' })
    .optional(),
  INTEGRATION_WORKFLOW_SMS_GATEWAY_KEY: z.string().min(1).optional(),
  /** The staff's email domains (comma-separated): send-message writes only to these (no consent is known here). */
  INTEGRATION_WORKFLOW_INTERNAL_EMAIL_DOMAINS: z.string().optional(),
  /** Staff phone numbers (comma-separated) send-message may text. */
  INTEGRATION_WORKFLOW_INTERNAL_PHONES: z.string().optional(),
};
/** A gateway URL needs its key. */
export function refineWorkflowConfig(config: WorkflowConfig, ctx: z.RefinementCtx): void {
  if (config.INTEGRATION_WORKFLOW_SMS_GATEWAY_URL && !config.INTEGRATION_WORKFLOW_SMS_GATEWAY_KEY)
    ctx.addIssue({
      code: 'custom',
      path: ['INTEGRATION_WORKFLOW_SMS_GATEWAY_KEY'],
      message: 'required with INTEGRATION_WORKFLOW_SMS_GATEWAY_URL',
    });
}

type WorkflowConfig = Partial<z.infer<z.ZodObject<typeof workflowConfigFields>>>;

export interface WorkflowSettings {
  backgroundJobs: boolean;
  pollIntervalMs: number;
  maxAttempts: number;
  recentEventDays: number;
  firingRetentionDays: number;
  smtpUrl: string | null;
  smtpFrom: string;
  smsGatewayUrl: string | null;
  smsGatewayKey: string | null;
  internalEmailDomains: string[];
  internalPhones: string[];
}

export function workflowSettings(config: PlatformConfig & WorkflowConfig): WorkflowSettings {
  return {
    backgroundJobs: true,
    pollIntervalMs: config.INTEGRATION_WORKFLOW_POLL_INTERVAL_MS ?? 1_000,
    maxAttempts: config.INTEGRATION_WORKFLOW_MAX_ATTEMPTS ?? MAX_DELIVERY_ATTEMPTS,
    recentEventDays: config.INTEGRATION_WORKFLOW_RECENT_EVENT_DAYS ?? 7,
    firingRetentionDays: config.INTEGRATION_WORKFLOW_FIRING_RETENTION_DAYS ?? 90,
    smtpUrl: config.INTEGRATION_WORKFLOW_SMTP_URL ?? null,
    smtpFrom: config.INTEGRATION_WORKFLOW_SMTP_FROM ?? 'CRM workflow <workflow@crm.local>',
    smsGatewayUrl: config.INTEGRATION_WORKFLOW_SMS_GATEWAY_URL ?? null,
    smsGatewayKey: config.INTEGRATION_WORKFLOW_SMS_GATEWAY_KEY ?? null,
    internalEmailDomains: list(config.INTEGRATION_WORKFLOW_INTERNAL_EMAIL_DOMAINS).map((d) =>
      d.toLowerCase(),
    ),
    internalPhones: list(config.INTEGRATION_WORKFLOW_INTERNAL_PHONES),
  };
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
