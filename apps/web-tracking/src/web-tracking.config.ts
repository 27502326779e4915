import { z } from 'zod';
import { defineServiceConfig } from '@crm/config';

const origins = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0),
  )
  .pipe(z.array(z.url().transform((origin) => new URL(origin).origin)));

/** web-tracking's own variables (named WEB_TRACKING_*) on top of the platform ones. */
export const webTrackingConfigSchema = defineServiceConfig({
  /** The manufacturer's site origins (comma-separated) whose pages may send page views (CORS). */
  WEB_TRACKING_SITE_ORIGINS: origins,
  /** The secret the site's server signs "visitor V is customer C" with (at least 32 characters). */
  WEB_TRACKING_SITE_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** campaigns' link secret (CAMPAIGNS_UNSUBSCRIBE_SECRET): verifies the click token a campaign link brings. */
  WEB_TRACKING_CAMPAIGN_LINK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** Days raw page views are kept (profiles stay). */
  WEB_TRACKING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Page-view requests per minute from one IP address, and from one visitor id. */
  WEB_TRACKING_RATE_PER_IP: z.coerce.number().int().min(1).max(100_000).default(600),
  WEB_TRACKING_RATE_PER_VISITOR: z.coerce.number().int().min(1).max(10_000).default(60),
});
export type WebTrackingConfig = z.infer<typeof webTrackingConfigSchema>;
