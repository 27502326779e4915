/**
 * What a campaign is for; propensity models are trained per objective, since who answers a service reminder is not
 * who answers a launch (ADR 0033). Shared by the campaigns and the scoring concepts.
 */
export const CAMPAIGN_OBJECTIVES = [
  'service-reminder',
  'new-model-launch',
  'accessories',
  'retention',
  'event-invitation',
] as const;
export type CampaignObjective = (typeof CAMPAIGN_OBJECTIVES)[number];

/** A campaign created without one, and the campaigns that existed before objectives, remind of a service. */
export const DEFAULT_OBJECTIVE: CampaignObjective = 'service-reminder';
