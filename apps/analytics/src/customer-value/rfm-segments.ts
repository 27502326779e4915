/** The named RFM segments, best first (rules in customer-value-sql.ts and ADR 0027). */
export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'promising',
  'needs_attention',
  'at_risk',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];
