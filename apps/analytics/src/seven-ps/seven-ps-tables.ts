/** The Seven Ps projections, by role (analytics.<name>); the rebuild copies and swaps them with the others. */
export const SEVEN_PS_TABLE_NAMES = {
  orderLine: 'order_line',
  leadFact: 'lead_fact',
  campaignFact: 'campaign_fact',
  campaignUnsubscribe: 'campaign_unsubscribe',
  campaignRecipientFact: 'campaign_recipient_fact',
} as const;
export type SevenPsTables = Record<keyof typeof SEVEN_PS_TABLE_NAMES, string>;

/** The Seven Ps projections, each its own consumer, reading their topics together (ADR 0062). */
export const SEVEN_PS_CONSUMERS = {
  orderLines: 'order-lines',
  leadFacts: 'lead-facts',
  campaignFacts: 'campaign-facts',
  campaignRecipients: 'campaign-recipients',
} as const;
