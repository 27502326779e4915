import { z } from 'zod';
import { defineServiceConfig } from '@crm/config';
import { deniedHostList } from '@crm/webhooks';

export const SERVICE_SETTINGS = Symbol('SERVICE_SETTINGS');

export interface ServiceSettings {
  /** Webhook and notification dispatchers and the SLA checker timers; tests turn them off and call them directly. */
  backgroundJobs: boolean;
  webhookPollIntervalMs: number;
  slaCheckIntervalMs: number;
  /** Where customers open their survey link (the console's survey page); the token is appended. */
  surveyBaseUrl: string;
  /** A survey link answers for this long after it was sent, then says it expired (ADR 0041). */
  surveyLinkTtlDays: number;
  /** Customer email goes to this SMTP server; when null the built-in dev mailbox keeps it. */
  smtpUrl: string | null;
  smtpFrom: string;
  /** Customer SMS goes to this gateway (POST {to, text}, bearer key); when null the dev mailbox keeps it. */
  smsGatewayUrl: string | null;
  smsGatewayKey: string | null;
  /** Station webhooks may use plain http (the embedded default and tests); deployments need https. */
  webhookAllowHttp: boolean;
  /** Station webhooks may reach loopback and private networks (the embedded default and tests only). */
  webhookAllowPrivateTargets: boolean;
  /** The platform's own host names and addresses (and their subdomains) a webhook must never reach. */
  webhookDeniedHosts: string[];
}

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  backgroundJobs: true,
  webhookPollIntervalMs: 1_000,
  slaCheckIntervalMs: 60_000,
  surveyBaseUrl: 'http://localhost:3000/console/survey/',
  surveyLinkTtlDays: 30,
  smtpUrl: null,
  smtpFrom: 'CRM 客户服务 <service@crm.local>',
  smsGatewayUrl: null,
  smsGatewayKey: null,
  webhookAllowHttp: false,
  webhookAllowPrivateTargets: false,
  webhookDeniedHosts: [],
};

/** What the embedded default and the tests add: webhook receivers on this machine, over http. */
export const LOCAL_WEBHOOK_TARGETS: Pick<ServiceSettings, 'webhookAllowHttp' | 'webhookAllowPrivateTargets'> =
  {
    webhookAllowHttp: true,
    webhookAllowPrivateTargets: true,
  };

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** The service app's own variables on top of the platform ones; deployed alone it needs its servers named. */
export const serviceConfigSchema = defineServiceConfig(
  {
    WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    SLA_CHECK_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
    SURVEY_BASE_URL: z.url().default(DEFAULT_SERVICE_SETTINGS.surveyBaseUrl),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' }).optional(),
    SMTP_FROM: z.string().min(3).default(DEFAULT_SERVICE_SETTINGS.smtpFrom),
    SMS_GATEWAY_URL: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).optional(),
    SMS_GATEWAY_KEY: z.string().min(1).optional(),
    WEBHOOK_ALLOW_HTTP: flag.default(false),
    WEBHOOK_ALLOW_PRIVATE_TARGETS: flag.default(false),
    WEBHOOK_DENIED_HOSTS: z.string().default('').transform(deniedHostList),
  },
  {
    refine: (config, ctx) => {
      if (config.SMS_GATEWAY_URL && !config.SMS_GATEWAY_KEY)
        ctx.addIssue({ code: 'custom', path: ['SMS_GATEWAY_KEY'], message: 'required with SMS_GATEWAY_URL' });
    },
  },
);
export type ServiceConfig = z.infer<typeof serviceConfigSchema>;

export function serviceSettingsFrom(config: ServiceConfig): ServiceSettings {
  return {
    backgroundJobs: true,
    webhookPollIntervalMs: config.WEBHOOK_POLL_INTERVAL_MS,
    slaCheckIntervalMs: config.SLA_CHECK_INTERVAL_MS,
    surveyBaseUrl: config.SURVEY_BASE_URL,
    surveyLinkTtlDays: DEFAULT_SERVICE_SETTINGS.surveyLinkTtlDays,
    smtpUrl: config.SMTP_URL ?? null,
    smtpFrom: config.SMTP_FROM,
    smsGatewayUrl: config.SMS_GATEWAY_URL ?? null,
    smsGatewayKey: config.SMS_GATEWAY_KEY ?? null,
    webhookAllowHttp: config.WEBHOOK_ALLOW_HTTP,
    webhookAllowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    webhookDeniedHosts: config.WEBHOOK_DENIED_HOSTS,
  };
}
