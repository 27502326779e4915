import { z } from 'zod';
import { PlatformConfig } from '@crm/config';
import { InvalidInputError } from '@crm/core';

export const CUSTOMER_VALUE_SETTINGS = Symbol('CUSTOMER_VALUE_SETTINGS');

/** The share of customers (by value, highest first) each tier above lead takes, in percent, cumulative. */
export interface TierCutoffs {
  platinum: number;
  gold: number;
  iron: number;
}

export interface CustomerValueSettings {
  /** Current value is the revenue of the purchases in the last this many days; RFM is read over the same. */
  windowDays: number;
  /** Amounts in other currencies are left out of every figure (the platform sells in one). */
  currency: string;
  cutoffs: TierCutoffs;
  /** How often the scheduled recompute runs (one instance at a time). */
  recomputeMinutes: number;
  /** CLV: lifetime revenue so far plus this many years of the 12-month potential value. */
  clvYears: number;
}

const DEFAULTS = { windowDays: 730, currency: 'CNY', recomputeMinutes: 60, clvYears: 3 };
const DEFAULT_CUTOFFS: TierCutoffs = { platinum: 1, gold: 5, iron: 20 };

/** `platinum=1,gold=5,iron=20`: each tier's cumulative top share in percent, rising, at most 100. */
export function parseTierCutoffs(text: string): TierCutoffs {
  const pairs = new Map(
    text.split(',').map((pair) => {
      const [tier, percent] = pair.split('=').map((part) => part.trim());
      return [tier, Number(percent)] as const;
    }),
  );
  const cutoffs = { platinum: pairs.get('platinum'), gold: pairs.get('gold'), iron: pairs.get('iron') };
  const values = [cutoffs.platinum, cutoffs.gold, cutoffs.iron];
  const valid =
    values.every((value) => value !== undefined && Number.isFinite(value) && value > 0 && value <= 100) &&
    cutoffs.platinum! <= cutoffs.gold! &&
    cutoffs.gold! <= cutoffs.iron!;
  if (!valid)
    throw new InvalidInputError([
      {
        field: 'ANALYTICS_VALUE_TIER_CUTOFFS',
        message: 'expected platinum=P,gold=G,iron=I with 0 < P <= G <= I <= 100',
      },
    ]);
  return cutoffs as TierCutoffs;
}

/** analytics's customer-value variables; each has a default, so the all-in-one needs none. */
export const customerValueConfigFields = {
  ANALYTICS_VALUE_WINDOW_DAYS: z.coerce.number().int().min(30).max(3_650).optional(),
  ANALYTICS_VALUE_CURRENCY: z.string().length(3).optional(),
  ANALYTICS_VALUE_TIER_CUTOFFS: z
    .string()
    .optional()
    .refine(
      (text) => text === undefined || isCutoffs(text),
      'expected platinum=P,gold=G,iron=I (percent, rising)',
    ),
  ANALYTICS_VALUE_RECOMPUTE_MINUTES: z.coerce.number().int().min(1).max(10_080).optional(),
  ANALYTICS_VALUE_CLV_YEARS: z.coerce.number().int().min(1).max(20).optional(),
};
type CustomerValueConfig = {
  [K in keyof typeof customerValueConfigFields]?: z.infer<(typeof customerValueConfigFields)[K]>;
};

function isCutoffs(text: string): boolean {
  try {
    parseTierCutoffs(text);
    return true;
  } catch {
    return false;
  }
}

export function customerValueSettings(config: PlatformConfig & CustomerValueConfig): CustomerValueSettings {
  return {
    windowDays: config.ANALYTICS_VALUE_WINDOW_DAYS ?? DEFAULTS.windowDays,
    currency: config.ANALYTICS_VALUE_CURRENCY ?? DEFAULTS.currency,
    cutoffs: config.ANALYTICS_VALUE_TIER_CUTOFFS
      ? parseTierCutoffs(config.ANALYTICS_VALUE_TIER_CUTOFFS)
      : DEFAULT_CUTOFFS,
    recomputeMinutes: config.ANALYTICS_VALUE_RECOMPUTE_MINUTES ?? DEFAULTS.recomputeMinutes,
    clvYears: config.ANALYTICS_VALUE_CLV_YEARS ?? DEFAULTS.clvYears,
  };
}
