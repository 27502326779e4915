import { randomBytes } from 'node:crypto';
import { PlatformConfig } from '@crm/config';
import { CampaignsConfig } from './campaigns.config';

export const CAMPAIGNS_SETTINGS = Symbol('CAMPAIGNS_SETTINGS');

export interface CampaignsSettings {
  /** The send and freeze loops run on their timers; tests turn them off and drive them. */
  backgroundJobs: boolean;
  pollIntervalMs: number;
  /** Campaign email goes to this SMTP server; when null no email is sent (recipients stay queued)... */
  smtpUrl: string | null;
  /** ...unless mail is rendered and discarded instead (the embedded default, which has no mail server). */
  discardMail: boolean;
  smtpConnections: number;
  mailFrom: string;
  /** Email pacing per sender process. */
  emailRatePerSecond: number;
  /** Signs unsubscribe tokens (HMAC-SHA256). */
  unsubscribeSecret: string;
  /** Public address of `POST /unsubscribe/{token}`; the token is appended. */
  unsubscribeBaseUrl: string;
  /** Public address of the tracking routes (`GET {base}o/{token}.gif`, `GET {base}c/{token}`). */
  trackingBaseUrl: string;
  /** What one message costs on each channel (CNY), for a campaign's cost and ROI. */
  emailCostPerMessage: number;
}

export const DEFAULT_CAMPAIGNS_SETTINGS: Omit<CampaignsSettings, 'unsubscribeSecret'> = {
  backgroundJobs: true,
  pollIntervalMs: 1_000,
  smtpUrl: null,
  discardMail: false,
  smtpConnections: 5,
  mailFrom: 'CRM 市场活动 <marketing@crm.local>',
  emailRatePerSecond: 50,
  unsubscribeBaseUrl: 'http://localhost:3006/unsubscribe/',
  trackingBaseUrl: 'http://localhost:3006/t/',
  emailCostPerMessage: 0.01,
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
    discardMail: d.discardMail,
    smtpConnections: config.CAMPAIGNS_SMTP_CONNECTIONS ?? d.smtpConnections,
    mailFrom: config.CAMPAIGNS_MAIL_FROM ?? d.mailFrom,
    emailRatePerSecond: config.CAMPAIGNS_EMAIL_RATE_PER_SECOND ?? d.emailRatePerSecond,
    unsubscribeSecret: config.CAMPAIGNS_UNSUBSCRIBE_SECRET ?? randomBytes(32).toString('base64url'),
    unsubscribeBaseUrl: config.CAMPAIGNS_UNSUBSCRIBE_BASE_URL ?? d.unsubscribeBaseUrl,
    trackingBaseUrl: config.CAMPAIGNS_TRACKING_BASE_URL ?? d.trackingBaseUrl,
    emailCostPerMessage: config.CAMPAIGNS_EMAIL_COST_PER_MESSAGE ?? d.emailCostPerMessage,
  };
}
