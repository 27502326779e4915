/** What one person (or a team, summed) has reached in a month, with the quota when one is set. */
export interface QuotaFigures {
  prospectsQuota: number | null;
  revenueQuota: number | null;
  prospects: number;
  revenue: number;
  /** Won opportunities in other currencies: left out of revenue, there being no exchange rates. */
  wonInOtherCurrencies: number;
}

export interface MetricProgress {
  quota: number | null;
  actual: number;
  /** The quota pro-rated to the share of the month passed. */
  expectedByNow: number | null;
  /** actual / quota; null without a quota or with a quota of 0. */
  attainment: number | null;
  behind: boolean;
}

export interface QuotaProgress {
  prospects: MetricProgress;
  revenue: MetricProgress;
  /** Behind on either quota. */
  behind: boolean;
  wonInOtherCurrencies: number;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function metricProgress(quota: number | null, actual: number, share: number): MetricProgress {
  if (quota === null) return { quota, actual, expectedByNow: null, attainment: null, behind: false };
  const expected = quota * share;
  return {
    quota,
    actual,
    expectedByNow: round(expected, 2),
    attainment: quota === 0 ? null : round(actual / quota, 4),
    behind: actual < expected,
  };
}

/** Progress at `share` of the month passed (0..1): behind means below the pro-rated quota. */
export function quotaProgress(figures: QuotaFigures, share: number): QuotaProgress {
  const prospects = metricProgress(figures.prospectsQuota, figures.prospects, share);
  const revenue = metricProgress(figures.revenueQuota, round(figures.revenue, 2), share);
  return {
    prospects,
    revenue,
    behind: prospects.behind || revenue.behind,
    wonInOtherCurrencies: figures.wonInOtherCurrencies,
  };
}

function sumOrNull(values: (number | null)[]): number | null {
  const set = values.filter((v): v is number => v !== null);
  return set.length === 0 ? null : set.reduce((a, b) => a + b, 0);
}

/** A team's figures: everyone's quotas and results added up (a quota only where any is set). */
export function rollUp(members: QuotaFigures[]): QuotaFigures {
  return {
    prospectsQuota: sumOrNull(members.map((m) => m.prospectsQuota)),
    revenueQuota: sumOrNull(members.map((m) => m.revenueQuota)),
    prospects: members.reduce((sum, m) => sum + m.prospects, 0),
    revenue: members.reduce((sum, m) => sum + m.revenue, 0),
    wonInOtherCurrencies: members.reduce((sum, m) => sum + m.wonInOtherCurrencies, 0),
  };
}
