import { PlatformConfig } from '@crm/config';
import { WebTrackingConfig } from './web-tracking.config';

export const WEB_TRACKING_SETTINGS = Symbol('WEB_TRACKING_SETTINGS');

export interface WebTrackingSettings {
  siteOrigins: string[];
  /** Without it the login link is refused (503): the site has no way to sign it. */
  siteSecret: string | null;
  /** Without it a campaign link's token is ignored. */
  campaignLinkSecret: string | null;
  retentionDays: number;
  /** The retention purge runs on a timer; tests turn it off and drive it. */
  backgroundJobs: boolean;
  ratePerIpPerMinute: number;
  ratePerVisitorPerMinute: number;
}

/** Deployed alone the variables are parsed with their defaults; the embedded default names none of them. */
export function webTrackingSettings(
  config: PlatformConfig & Partial<WebTrackingConfig>,
): WebTrackingSettings {
  return {
    siteOrigins: config.WEB_TRACKING_SITE_ORIGINS ?? [],
    siteSecret: config.WEB_TRACKING_SITE_SECRET ?? null,
    campaignLinkSecret: config.WEB_TRACKING_CAMPAIGN_LINK_SECRET ?? null,
    retentionDays: config.WEB_TRACKING_RETENTION_DAYS ?? 180,
    backgroundJobs: true,
    ratePerIpPerMinute: config.WEB_TRACKING_RATE_PER_IP ?? 600,
    ratePerVisitorPerMinute: config.WEB_TRACKING_RATE_PER_VISITOR ?? 60,
  };
}
