import { CampaignChannel } from '@crm/contracts';
import { Lift, liftOf } from '@crm/core';
import { GroupCounts, ProfileRow } from './campaign-results.repository';

export interface CampaignResults {
  campaignId: string;
  channel: CampaignChannel;
  attributionDays: number;
  treated: GroupCounts & { rates: Record<RatedCount, number | null> };
  holdout: { size: number; converted: number; conversionRate: number | null };
  lift: Lift;
  cost: { perMessage: number; total: number; attributedRevenue: number; roi: number | null };
  profile: ProfileRow[];
}

const RATED = ['delivered', 'bounced', 'opened', 'clicked', 'replied', 'unsubscribed', 'converted'] as const;
type RatedCount = (typeof RATED)[number];

const EMPTY = (group: GroupCounts['group']): GroupCounts => ({
  group,
  size: 0,
  delivered: 0,
  bounced: 0,
  opened: 0,
  clicked: 0,
  replied: 0,
  unsubscribed: 0,
  converted: 0,
  orderAmount: 0,
});

const share = (count: number, of: number) => (of > 0 ? count / of : null);

/**
 * A campaign's results from its groups' counts: rates of the treated group over those sent (opens and clicks over the
 * delivered), the lift over the holdout, and the cost (messages tried times the channel's price) against revenue.
 */
export function campaignResults(
  campaign: { id: string; channel: CampaignChannel; attributionDays: number },
  groups: GroupCounts[],
  profile: ProfileRow[],
  costPerMessage: number,
): CampaignResults {
  const treated = groups.find((row) => row.group === 'treated') ?? EMPTY('treated');
  const holdout = groups.find((row) => row.group === 'holdout') ?? EMPTY('holdout');
  const rates = Object.fromEntries(
    RATED.map((count) => [
      count,
      share(treated[count], count === 'opened' || count === 'clicked' ? treated.delivered : treated.size),
    ]),
  ) as Record<RatedCount, number | null>;
  const total = round2(treated.size * costPerMessage);
  return {
    campaignId: campaign.id,
    channel: campaign.channel,
    attributionDays: campaign.attributionDays,
    treated: { ...treated, rates },
    holdout: {
      size: holdout.size,
      converted: holdout.converted,
      conversionRate: share(holdout.converted, holdout.size),
    },
    lift: liftOf(
      { size: treated.size, converted: treated.converted },
      { size: holdout.size, converted: holdout.converted },
    ),
    cost: {
      perMessage: costPerMessage,
      total,
      attributedRevenue: treated.orderAmount,
      roi: total > 0 ? (treated.orderAmount - total) / total : null,
    },
    profile,
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;
