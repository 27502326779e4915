import { CampaignChannel, RecipientSkipReason } from '@crm/contracts';
import { SendOutcome } from '@crm/messaging';
import { ChannelTemplate } from '../campaigns/channel-template';

export const RecipientStatuses = {
  queued: 'queued',
  /** Claimed by a sender; sent again only if its lease runs out (the sender died mid-send). */
  sending: 'sending',
  sent: 'sent',
  failed: 'failed',
  skipped: 'skipped',
  /** In the campaign's control group: frozen like the rest so its conversions can be compared, never sent. */
  holdout: 'holdout',
} as const;
export type RecipientStatus = (typeof RecipientStatuses)[keyof typeof RecipientStatuses];

/** One send of one campaign step to one customer: the idempotency key of that send. */
export interface RecipientKey {
  campaignId: string;
  step: number;
  customerId: string;
}

export const idempotencyKey = (key: RecipientKey) => `${key.campaignId}.${key.step}.${key.customerId}`;

/** A claimed recipient with what sending needs, read from the replica at send time. */
export interface DueRecipient extends RecipientKey {
  attempts: number;
  channel: CampaignChannel;
  template: ChannelTemplate;
  name: string | null;
  city: string | null;
  /** The customer's preferred language (zh-CN, en); null when not known, which means Chinese. */
  language: string | null;
  model: string | null;
  /** The channel's address (first email, first phone); null when the replica has none (any more). */
  address: string | null;
  /** Consent on the campaign's channel, granted and not withdrawn, now. */
  consented: boolean;
  erased: boolean;
}

/** A send, or a decision not to send with its reason (consent withdrawn or person erased since the freeze). */
export interface RecipientOutcome extends SendOutcome {
  skipped: RecipientSkipReason | null;
  /** Not sent yet, nor attempted: it fell due in the channel's quiet hours and waits for their end. */
  deferredUntil?: Date;
}
