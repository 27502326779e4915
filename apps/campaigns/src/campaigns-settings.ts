import { randomBytes } from 'node:crypto';
import { PlatformConfig } from '@crm/config';
import { CampaignChannel } from '@crm/contracts';
import { CampaignsConfig } from './campaigns.config';
import {
  CrossSellSettings,
  crossSellSettings,
  DEFAULT_CROSS_SELL_SETTINGS,
} from './cross-sell/cross-sell-settings';
import { FrequencyCap, parseFrequencyCap } from './sending/frequency-cap';
import { parseQuietHours, QuietHours } from './sending/quiet-hours';

export const CAMPAIGNS_SETTINGS = Symbol('CAMPAIGNS_SETTINGS');

export interface CampaignsSettings {
  /** The send and freeze loops run on their timers; tests turn them off and drive them. */
  backgroundJobs: boolean;
  pollIntervalMs: number;
  /** Campaign email goes to this SMTP server; when null no email is sent (recipients stay queued)... */
  smtpUrl: string | null;
  /** ...unless mail is written as .eml files into this folder instead (the embedded default, which has no mail server). */
  mailFolder: string | null;
  smtpConnections: number;
  mailFrom: string;
  /** Email pacing per sender process. */
  emailRatePerSecond: number;
  /** Signs unsubscribe tokens (HMAC-SHA256). */
  unsubscribeSecret: string;
  /** Public address of `POST /unsubscribe/{token}`; the token is appended. */
  unsubscribeBaseUrl: string;
  /** Campaign SMS goes to this gateway (the provider's template API); when null no SMS is sent (they stay queued)... */
  smsGatewayUrl: string | null;
  /** ...unless SMS are discarded instead (the embedded default, which has no gateway). */
  discardSms: boolean;
  smsGatewayKey: string;
  /**
   * The gateway sends each inbound SMS (a reply) with this secret in the X-SMS-Gateway-Secret header; when null no
   * reply is accepted.
   */
  smsInboundSecret: string | null;
  /** SMS pacing per sender process. */
  smsRatePerSecond: number;
  /** The customers' time zone for quiet hours: the replica knows none of its own. */
  timeZone: string;
  /** Per channel, the local hours nothing is sent in (sends falling due then wait for the end); null: any time. */
  quietHours: Record<CampaignChannel, QuietHours | null>;
  /** Per channel, the most marketing messages a customer gets in a rolling window; null: no cap. */
  frequencyCaps: Record<CampaignChannel, FrequencyCap | null>;
  /** Public address of the tracking routes (`GET {base}o/{token}.gif`, `GET {base}c/{token}`). */
  trackingBaseUrl: string;
  /** The manufacturer's site origins: a tracked link there carries its click token on for web-tracking (ADR 0044). */
  siteOrigins: string[];
  /** What one message costs on each channel (CNY), for a campaign's cost and ROI. */
  emailCostPerMessage: number;
  smsCostPerMessage: number;
  /** Association-rule thresholds and the recompute schedule of the next best offers (ADR 0034). */
  crossSell: CrossSellSettings;
}

export const DEFAULT_CAMPAIGNS_SETTINGS: Omit<CampaignsSettings, 'unsubscribeSecret'> = {
  backgroundJobs: true,
  pollIntervalMs: 1_000,
  smtpUrl: null,
  mailFolder: null,
  smtpConnections: 5,
  mailFrom: 'CRM 市场活动 <marketing@crm.local>',
  emailRatePerSecond: 50,
  unsubscribeBaseUrl: 'http://localhost:3006/unsubscribe/',
  smsGatewayUrl: null,
  discardSms: false,
  smsGatewayKey: '',
  smsInboundSecret: null,
  smsRatePerSecond: 20,
  timeZone: 'Asia/Shanghai',
  /** Chinese marketing SMS rules: none between 21:00 and 08:00; email is not restricted. */
  quietHours: { sms: parseQuietHours('21:00-08:00'), email: null },
  frequencyCaps: { sms: parseFrequencyCap('2/7d'), email: null },
  trackingBaseUrl: 'http://localhost:3006/t/',
  siteOrigins: [],
  emailCostPerMessage: 0.01,
  smsCostPerMessage: 0.05,
  crossSell: DEFAULT_CROSS_SELL_SETTINGS,
};

/**
 * Settings from configuration. Deployed alone, the config schema requires the unsubscribe secret; the embedded
 * default and tests that skip it get one per process (links from an earlier run then no longer verify).
 */
export function campaignsSettings(config: PlatformConfig & Partial<CampaignsConfig>): CampaignsSettings {
  const d = DEFAULT_CAMPAIGNS_SETTINGS;
  return {
    backgroundJobs: d.backgroundJobs,
    pollIntervalMs: config.CAMPAIGNS_SEND_POLL_INTERVAL_MS ?? d.pollIntervalMs,
    smtpUrl: config.CAMPAIGNS_SMTP_URL ?? d.smtpUrl,
    mailFolder: d.mailFolder,
    smtpConnections: config.CAMPAIGNS_SMTP_CONNECTIONS ?? d.smtpConnections,
    mailFrom: config.CAMPAIGNS_MAIL_FROM ?? d.mailFrom,
    emailRatePerSecond: config.CAMPAIGNS_EMAIL_RATE_PER_SECOND ?? d.emailRatePerSecond,
    unsubscribeSecret: config.CAMPAIGNS_UNSUBSCRIBE_SECRET ?? randomBytes(32).toString('base64url'),
    unsubscribeBaseUrl: config.CAMPAIGNS_UNSUBSCRIBE_BASE_URL ?? d.unsubscribeBaseUrl,
    smsGatewayUrl: config.CAMPAIGNS_SMS_GATEWAY_URL ?? d.smsGatewayUrl,
    discardSms: d.discardSms,
    smsGatewayKey: config.CAMPAIGNS_SMS_GATEWAY_KEY ?? d.smsGatewayKey,
    smsInboundSecret: config.CAMPAIGNS_SMS_INBOUND_SECRET ?? d.smsInboundSecret,
    smsRatePerSecond: config.CAMPAIGNS_SMS_RATE_PER_SECOND ?? d.smsRatePerSecond,
    timeZone: config.CAMPAIGNS_TIME_ZONE ?? d.timeZone,
    quietHours: {
      sms: optionalSetting(config.CAMPAIGNS_SMS_QUIET_HOURS, parseQuietHours, d.quietHours.sms),
      email: optionalSetting(config.CAMPAIGNS_EMAIL_QUIET_HOURS, parseQuietHours, d.quietHours.email),
    },
    frequencyCaps: {
      sms: optionalSetting(config.CAMPAIGNS_SMS_FREQUENCY_CAP, parseFrequencyCap, d.frequencyCaps.sms),
      email: optionalSetting(config.CAMPAIGNS_EMAIL_FREQUENCY_CAP, parseFrequencyCap, d.frequencyCaps.email),
    },
    trackingBaseUrl: config.CAMPAIGNS_TRACKING_BASE_URL ?? d.trackingBaseUrl,
    siteOrigins: config.CAMPAIGNS_SITE_ORIGINS ? originList(config.CAMPAIGNS_SITE_ORIGINS) : d.siteOrigins,
    emailCostPerMessage: config.CAMPAIGNS_EMAIL_COST_PER_MESSAGE ?? d.emailCostPerMessage,
    smsCostPerMessage: config.CAMPAIGNS_SMS_COST_PER_MESSAGE ?? d.smsCostPerMessage,
    crossSell: crossSellSettings(config),
  };
}

/** Comma-separated URLs as their origins (`https://www.example.com`); a value that is no URL is dropped. */
function originList(value: string): string[] {
  return value
    .split(',')
    .map((entry) => URL.parse(entry.trim())?.origin)
    .filter((origin): origin is string => !!origin && origin !== 'null');
}

/** `off` turns a channel's restriction off; absent keeps the default. */
function optionalSetting<T>(
  value: string | undefined,
  parse: (value: string) => T,
  fallback: T | null,
): T | null {
  if (value === undefined) return fallback;
  return value === 'off' ? null : parse(value);
}
