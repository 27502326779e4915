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

/** The groups of a campaign's recipients: sent to (or tried), or held out as the control group. */
export const RecipientGroups = { treated: 'treated', holdout: 'holdout' } as const;
export type RecipientGroup = (typeof RecipientGroups)[keyof typeof RecipientGroups];

/** What counts as a conversion (ADR 0046): an order, a service visit, a sales lead or a test drive. */
export const CONVERSION_KINDS = ['order', 'service_visit', 'lead', 'test_drive'] as const;
export type ConversionKind = (typeof CONVERSION_KINDS)[number];

export const CampaignRecipientSettled = defineEvent({
  type: 'campaign.recipient-settled',
  version: 1,
  aggregateType: 'campaign',
  description:
    "A recipient's attribution window closed (the campaign's attribution days after its send, or after the freeze " +
    'for the holdout): what they did in it, final. Exactly one per campaign step and customer. responded: opened, ' +
    'clicked, replied or converted; conversionKind: the first conversion in the window; conversionAmount: the ' +
    "total of the orders in it (the orders' own currency).",
  payload: z.object({
    campaignId: z.uuid(),
    step: z.number().int().positive(),
    channel: z.enum(ALL_CAMPAIGN_CHANNELS),
    customerId: z.uuid(),
    group: z.enum([RecipientGroups.treated, RecipientGroups.holdout]),
    delivered: z.boolean(),
    opened: z.boolean(),
    clicked: z.boolean(),
    responded: z.boolean(),
    converted: z.boolean(),
    conversionKind: z.enum(CONVERSION_KINDS).nullable(),
    conversionAmount: z.number().nonnegative().nullable(),
    windowClosedAt: z.iso.datetime(),
    settledAt: z.iso.datetime(),
  }),
});

export const CAMPAIGN_EVENTS = [
  CampaignScheduled,
  CampaignSent,
  CampaignUnsubscribed,
  CampaignRecipientSettled,
] as const;
