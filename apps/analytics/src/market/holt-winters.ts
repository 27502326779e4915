/**
 * Exponential smoothing, pure: Holt-Winters (additive or multiplicative seasonality) and Holt's linear
 * trend, each fitted by the smoothing parameters with the least in-sample one-step-ahead SSE on a grid.
 */
export type Seasonality = 'additive' | 'multiplicative';

export interface SmoothingParameters {
  alpha: number;
  beta: number;
  /** Null for Holt's linear trend (no seasonal component). */
  gamma: number | null;
}

export interface SmoothingFit {
  parameters: SmoothingParameters;
  /** In-sample sum of squared one-step-ahead errors. */
  sse: number;
  /** The next `horizon` values. */
  forecast: number[];
}

/** The grid every parameter is searched over: coarse enough to stay cheap, fine enough to matter. */
export const SMOOTHING_GRID = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9] as const;

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

interface SeasonalState {
  level: number;
  trend: number;
  seasons: number[];
}

/**
 * The state before the first observation: the trend from the first two seasons' means, the level the
 * first season's mean moved back to time -1, each season its first value less the trend line there.
 */
function initialState(series: number[], period: number, seasonality: Seasonality): SeasonalState {
  const first = mean(series.slice(0, period));
  const trend = (mean(series.slice(period, 2 * period)) - first) / period;
  const middle = (period - 1) / 2;
  const seasons = series.slice(0, period).map((value, i) => {
    const line = first + (i - middle) * trend;
    return seasonality === 'additive' ? value - line : value / line;
  });
  return { level: first - (middle + 1) * trend, trend, seasons };
}

/** Runs Holt-Winters over the series with given parameters; its SSE and the forecast after the last value. */
export function holtWinters(
  series: number[],
  period: number,
  seasonality: Seasonality,
  { alpha, beta, gamma }: { alpha: number; beta: number; gamma: number },
  horizon: number,
): { sse: number; forecast: number[] } {
  const state = initialState(series, period, seasonality);
  const additive = seasonality === 'additive';
  let sse = 0;
  series.forEach((value, t) => {
    const season = state.seasons[t % period];
    const base = state.level + state.trend;
    const predicted = additive ? base + season : base * season;
    sse += (value - predicted) ** 2;
    const level = alpha * (additive ? value - season : value / season) + (1 - alpha) * base;
    state.trend = beta * (level - state.level) + (1 - beta) * state.trend;
    state.level = level;
    state.seasons[t % period] = gamma * (additive ? value - level : value / level) + (1 - gamma) * season;
  });
  const forecast = Array.from({ length: horizon }, (_, i) => {
    const base = state.level + (i + 1) * state.trend;
    const season = state.seasons[(series.length + i) % period];
    return additive ? base + season : base * season;
  });
  return { sse, forecast };
}

/** Holt's linear trend: the level starts at the first value, the trend at the first difference. */
export function holtLinear(
  series: number[],
  { alpha, beta }: { alpha: number; beta: number },
  horizon: number,
): { sse: number; forecast: number[] } {
  let level = series[0];
  let trend = series[1] - series[0];
  let sse = 0;
  for (const value of series.slice(1)) {
    const predicted = level + trend;
    sse += (value - predicted) ** 2;
    const next = alpha * value + (1 - alpha) * predicted;
    trend = beta * (next - level) + (1 - beta) * trend;
    level = next;
  }
  return { sse, forecast: Array.from({ length: horizon }, (_, i) => level + (i + 1) * trend) };
}

/** The first grid point with the least SSE wins (so ties resolve the same way every time). */
function best(candidates: Iterable<SmoothingFit>): SmoothingFit {
  let winner: SmoothingFit | null = null;
  for (const candidate of candidates) if (!winner || candidate.sse < winner.sse) winner = candidate;
  if (!winner) throw new Error('empty grid');
  return winner;
}

/** Holt-Winters with (alpha, beta, gamma) minimising the in-sample SSE; needs two full seasons. */
export function fitHoltWinters(
  series: number[],
  period: number,
  seasonality: Seasonality,
  horizon: number,
): SmoothingFit {
  if (series.length < 2 * period) throw new Error(`Holt-Winters needs ${2 * period} values`);
  function* grid(): Generator<SmoothingFit> {
    for (const alpha of SMOOTHING_GRID)
      for (const beta of SMOOTHING_GRID)
        for (const gamma of SMOOTHING_GRID)
          yield {
            parameters: { alpha, beta, gamma },
            ...holtWinters(series, period, seasonality, { alpha, beta, gamma }, horizon),
          };
  }
  return best(grid());
}

/** Holt's linear trend with (alpha, beta) minimising the in-sample SSE; needs two values. */
export function fitHoltLinear(series: number[], horizon: number): SmoothingFit {
  if (series.length < 2) throw new Error("Holt's linear trend needs 2 values");
  function* grid(): Generator<SmoothingFit> {
    for (const alpha of SMOOTHING_GRID)
      for (const beta of SMOOTHING_GRID)
        yield { parameters: { alpha, beta, gamma: null }, ...holtLinear(series, { alpha, beta }, horizon) };
  }
  return best(grid());
}
