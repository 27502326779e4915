import { CampaignChannel } from '@crm/contracts';
import { ConflictError } from '@crm/core';
import { CampaignObjective } from '../campaign-objectives';
import { CampaignTargeting } from '../scoring/targeting/campaign-targeting';
import { CampaignSchedule } from '../triggers/campaign-schedule';
import { ChannelTemplate } from './channel-template';

export const CampaignStatuses = {
  draft: 'draft',
  scheduled: 'scheduled',
  /** Its segment is frozen into recipients, who are being sent to. */
  sending: 'sending',
  sent: 'sent',
  cancelled: 'cancelled',
} as const;
export type CampaignStatus = (typeof CampaignStatuses)[keyof typeof CampaignStatuses];

/** One-off campaigns have a single step; recurring and triggered ones will number theirs. */
export const FIRST_STEP = 1;

export const DEFAULT_ATTRIBUTION_DAYS = 30;
export const MAX_HOLDOUT_PERCENT = 50;

export interface Campaign {
  id: string;
  name: string;
  channel: CampaignChannel;
  /** What it is for: the propensity model trained on its responses is this objective's (ADR 0033). */
  objective: CampaignObjective;
  segmentId: string;
  /** Cuts the segment by propensity score when recipients are frozen; null: the whole segment. */
  targeting: CampaignTargeting | null;
  template: ChannelTemplate;
  /** When it is sent; null while a draft has no time yet. */
  sendAt: string | null;
  /** How it repeats (a cron or a trigger), from `sendAt` on; null for a one-off campaign. */
  schedule: CampaignSchedule | null;
  status: CampaignStatus;
  /** The share of the segment (0-50 %) held out as a control group: frozen with the rest, never sent. */
  holdoutPercent: number;
  /** Days after the send in which a customer's order or service visit counts as converted. */
  attributionDays: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

const EDITABLE: readonly CampaignStatus[] = [CampaignStatuses.draft];
const CANCELLABLE: readonly CampaignStatus[] = [CampaignStatuses.draft, CampaignStatuses.scheduled];

/** Only a draft changes; a scheduled campaign is cancelled first (and drafted anew). */
export function assertEditable(campaign: Campaign): void {
  if (!EDITABLE.includes(campaign.status))
    throw new ConflictError(`Campaign ${campaign.id} is ${campaign.status}; only a draft can be changed`);
}

export function assertCancellable(campaign: Campaign): void {
  if (!CANCELLABLE.includes(campaign.status))
    throw new ConflictError(`Campaign ${campaign.id} is ${campaign.status}; it can no longer be cancelled`);
}
