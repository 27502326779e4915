import { FieldError, InvalidInputError } from '@crm/core';
import { CAMPAIGN_OBJECTIVES, CampaignObjective } from '../../campaign-objectives';

/** Cuts a campaign's audience by propensity score when its recipients are frozen: a minimum score, the top N, or both. */
export interface CampaignTargeting {
  /** Whose model scores the audience; the campaign's own objective unless another is named. */
  objective: CampaignObjective;
  minScore?: number;
  topN?: number;
}

export const MAX_TOP_N = 1_000_000;

/** Checks `targeting` from a request; each error names its field (`targeting.topN`). */
export function parseTargeting(value: unknown, campaignObjective: CampaignObjective): CampaignTargeting {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidInputError([{ field: 'targeting', message: 'must be an object' }]);
  const { objective = campaignObjective, minScore, topN, ...rest } = value as Record<string, unknown>;
  const errors: FieldError[] = [
    ...Object.keys(rest).map((key) => ({ field: `targeting.${key}`, message: 'is not a targeting field' })),
    ...(CAMPAIGN_OBJECTIVES.includes(objective as CampaignObjective)
      ? []
      : [{ field: 'targeting.objective', message: `must be one of ${CAMPAIGN_OBJECTIVES.join(', ')}` }]),
    ...integerIn('targeting.minScore', minScore, 0, 100),
    ...integerIn('targeting.topN', topN, 1, MAX_TOP_N),
    ...(minScore === undefined && topN === undefined
      ? [{ field: 'targeting', message: 'needs minScore, topN or both' }]
      : []),
  ];
  if (errors.length) throw new InvalidInputError(errors);
  return {
    objective: objective as CampaignObjective,
    ...(minScore === undefined ? {} : { minScore: minScore as number }),
    ...(topN === undefined ? {} : { topN: topN as number }),
  };
}

function integerIn(field: string, value: unknown, min: number, max: number): FieldError[] {
  if (value === undefined) return [];
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? []
    : [{ field, message: `must be an integer from ${min} to ${max}` }];
}
