/** What a recipient did in answer to a campaign; each counts once per recipient (repeats only raise `times`). */
export const ResponseKinds = {
  opened: 'opened',
  clicked: 'clicked',
  /** Answered through the call center: an agent recorded an interaction tagged with the campaign. */
  replied: 'replied',
} as const;
export type ResponseKind = (typeof ResponseKinds)[keyof typeof ResponseKinds];

export interface CampaignResponse {
  campaignId: string;
  customerId: string;
  kind: ResponseKind;
  at: Date;
  /** The link clicked, or the call's outcome. */
  detail: string | null;
}
