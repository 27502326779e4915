import { z } from 'zod';
import { defineEvent } from '../event-definition';

/** The channels a campaign sends on; SMS joins email here when its sender lands. */
export const CampaignChannels = { email: 'email', sms: 'sms' } as const;
export type CampaignChannel = (typeof CampaignChannels)[keyof typeof CampaignChannels];
export const ALL_CAMPAIGN_CHANNELS = Object.values(CampaignChannels) as CampaignChannel[];

/** Why a frozen recipient was not sent to. */
export const RecipientSkipReasons = {
  noConsent: 'no_consent',
  noAddress: 'no_address',
  erased: 'erased',
  /** The customer already had the most marketing messages on the channel that the rolling window allows. */
  frequencyCap: 'frequency_cap',
} as const;
export type RecipientSkipReason = (typeof RecipientSkipReasons)[keyof typeof RecipientSkipReasons];
export const ALL_SKIP_REASONS = Object.values(RecipientSkipReasons) as RecipientSkipReason[];

export const CampaignScheduled = defineEvent({
  type: 'campaign.scheduled',
  version: 1,
  aggregateType: 'campaign',
  description:
    'A marketer scheduled a campaign draft: at sendAt its segment is frozen into recipients and sending starts.',
  payload: z.object({
    campaignId: z.uuid(),
    name: z.string(),
    channel: z.enum(ALL_CAMPAIGN_CHANNELS),
    segmentId: z.uuid(),
    sendAt: z.iso.datetime(),
    scheduledBy: z.string(),
  }),
});

export const CampaignSent = defineEvent({
  type: 'campaign.sent',
  version: 1,
  aggregateType: 'campaign',
  description:
    'Every recipient of a campaign was handled: sent, failed after its retries, or skipped (counts by reason).',
  payload: z.object({
    campaignId: z.uuid(),
    channel: z.enum(ALL_CAMPAIGN_CHANNELS),
    sentAt: z.iso.datetime(),
    recipients: z.object({
      sent: z.number().int().nonnegative(),
      failed: z.number().int().nonnegative(),
      skipped: z.record(z.enum(ALL_SKIP_REASONS), z.number().int().nonnegative()),
    }),
  }),
});

export const CampaignUnsubscribed = defineEvent({
  type: 'campaign.unsubscribed',
  version: 1,
  aggregateType: 'campaign',
  description:
    "A recipient opted out from a campaign's message (RFC 8058 one-click): the customer master withdraws their consent on that channel.",
  payload: z.object({
    campaignId: z.uuid(),
    customerId: z.uuid(),
    channel: z.enum(ALL_CAMPAIGN_CHANNELS),
    unsubscribedAt: z.iso.datetime(),
  }),
});

export const CAMPAIGN_EVENTS = [CampaignScheduled, CampaignSent, CampaignUnsubscribed] as const;
