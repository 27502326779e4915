/** The sales projection tables, by role (analytics.<name>); the rebuild copies and swaps them with the others. */
export const SALES_PERFORMANCE_TABLE_NAMES = {
  opportunityFact: 'opportunity_fact',
  salesQuota: 'sales_quota',
  dealer: 'dealer',
  salesForecast: 'sales_forecast',
  salesTeamMember: 'sales_team_member',
} as const;

/** The sales projections, each its own consumer, reading their topics together (ADR 0062). */
export const SALES_PERFORMANCE_CONSUMERS = {
  opportunityFacts: 'opportunity-facts',
  salesQuotas: 'sales-quotas',
  dealers: 'dealers',
  salesForecasts: 'sales-forecasts',
  salesTeam: 'sales-team',
} as const;
