import { z } from 'zod';
import { defineServiceConfig } from '@crm/config';
import { crossSellConfigFields } from './cross-sell/cross-sell-settings';
import { frequencyCapSetting } from './sending/frequency-cap';
import { isTimeZone, quietHoursSetting } from './sending/quiet-hours';

/** campaigns's own variables (named CAMPAIGNS_*) on top of the platform ones. */
export const campaignsConfigSchema = defineServiceConfig(
  {
    CAMPAIGNS_SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' }).optional(),
    CAMPAIGNS_MAIL_FROM: z.string().min(3).optional(),
    CAMPAIGNS_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(50).optional(),
    CAMPAIGNS_EMAIL_RATE_PER_SECOND: z.coerce.number().int().min(1).max(10_000).optional(),
    CAMPAIGNS_SEND_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).optional(),
    CAMPAIGNS_UNSUBSCRIBE_SECRET: z.string().min(32, 'at least 32 characters').optional(),
    CAMPAIGNS_UNSUBSCRIBE_BASE_URL: z.url().optional(),
    CAMPAIGNS_SMS_GATEWAY_URL: z
      .url({ protocol: /^https?$/, error: 'an http:// or https:// URL' })
      .optional(),
    CAMPAIGNS_SMS_GATEWAY_KEY: z.string().min(1).optional(),
    CAMPAIGNS_SMS_INBOUND_SECRET: z.string().min(32, 'at least 32 characters').optional(),
    CAMPAIGNS_SMS_RATE_PER_SECOND: z.coerce.number().int().min(1).max(10_000).optional(),
    CAMPAIGNS_TIME_ZONE: z.string().refine(isTimeZone, 'an IANA time zone, e.g. Asia/Shanghai').optional(),
    CAMPAIGNS_SMS_QUIET_HOURS: quietHoursSetting.optional(),
    CAMPAIGNS_EMAIL_QUIET_HOURS: quietHoursSetting.optional(),
    CAMPAIGNS_SMS_FREQUENCY_CAP: frequencyCapSetting.optional(),
    CAMPAIGNS_EMAIL_FREQUENCY_CAP: frequencyCapSetting.optional(),
    CAMPAIGNS_TRACKING_BASE_URL: z.url().optional(),
    /** The manufacturer's site origins (comma-separated): tracked links there carry their click token on (ADR 0044). */
    CAMPAIGNS_SITE_ORIGINS: z.string().optional(),
    CAMPAIGNS_EMAIL_COST_PER_MESSAGE: z.coerce.number().min(0).max(100).optional(),
    CAMPAIGNS_SMS_COST_PER_MESSAGE: z.coerce.number().min(0).max(100).optional(),
    ...crossSellConfigFields,
  },
  {
    refine: (config, ctx) => {
      if (!config.CAMPAIGNS_UNSUBSCRIBE_SECRET)
        ctx.addIssue({
          code: 'custom',
          path: ['CAMPAIGNS_UNSUBSCRIBE_SECRET'],
          message: 'required: it signs the unsubscribe link of every campaign mail',
        });
      if (config.CAMPAIGNS_SMS_GATEWAY_URL && !config.CAMPAIGNS_SMS_GATEWAY_KEY)
        ctx.addIssue({
          code: 'custom',
          path: ['CAMPAIGNS_SMS_GATEWAY_KEY'],
          message: 'required with CAMPAIGNS_SMS_GATEWAY_URL',
        });
    },
  },
);
export type CampaignsConfig = z.infer<typeof campaignsConfigSchema>;
