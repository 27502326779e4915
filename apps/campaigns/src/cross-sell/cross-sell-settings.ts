import { z } from 'zod';

/** The thresholds a rule must meet to be kept, and how often the rules and offers are recomputed (ADR 0034). */
export interface CrossSellSettings {
  /** Share of all customers owning both products (0..1]. */
  minSupport: number;
  /** Share of the antecedent's owners who also own the consequent (0..1]. */
  minConfidence: number;
  /** Confidence over the consequent's share of all customers; above 1 the antecedent makes it likelier. */
  minLift: number;
  /** Minutes between scheduled recomputes; null: only on demand. */
  recomputeMinutes: number | null;
}

export const DEFAULT_CROSS_SELL_SETTINGS: CrossSellSettings = {
  minSupport: 0.01,
  minConfidence: 0.1,
  minLift: 1.2,
  recomputeMinutes: 1_440,
};

const share = z.coerce.number().gt(0).max(1);

/** campaigns's cross-sell variables; each has a default. */
export const crossSellConfigFields = {
  CAMPAIGNS_CROSS_SELL_MIN_SUPPORT: share.optional(),
  CAMPAIGNS_CROSS_SELL_MIN_CONFIDENCE: share.optional(),
  CAMPAIGNS_CROSS_SELL_MIN_LIFT: z.coerce.number().min(0).max(1_000).optional(),
  CAMPAIGNS_CROSS_SELL_RECOMPUTE_MINUTES: z
    .string()
    .refine((value) => value === 'off' || /^[1-9]\d{0,4}$/.test(value), 'whole minutes (e.g. 1440) or off')
    .optional(),
};
type CrossSellConfig = Partial<{
  [K in keyof typeof crossSellConfigFields]: z.infer<(typeof crossSellConfigFields)[K]>;
}>;

export function crossSellSettings(config: CrossSellConfig): CrossSellSettings {
  const d = DEFAULT_CROSS_SELL_SETTINGS;
  const every = config.CAMPAIGNS_CROSS_SELL_RECOMPUTE_MINUTES;
  return {
    minSupport: config.CAMPAIGNS_CROSS_SELL_MIN_SUPPORT ?? d.minSupport,
    minConfidence: config.CAMPAIGNS_CROSS_SELL_MIN_CONFIDENCE ?? d.minConfidence,
    minLift: config.CAMPAIGNS_CROSS_SELL_MIN_LIFT ?? d.minLift,
    recomputeMinutes: every === undefined ? d.recomputeMinutes : every === 'off' ? null : Number(every),
  };
}
