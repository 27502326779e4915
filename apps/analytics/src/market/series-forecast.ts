import {
  fitHoltLinear,
  fitHoltWinters,
  Seasonality,
  SmoothingFit,
  SmoothingParameters,
} from './holt-winters';

/** Months in a season: market volumes repeat yearly. */
export const SEASON_MONTHS = 12;

export const FORECAST_METHODS = [
  'holt-winters-additive',
  'holt-winters-multiplicative',
  'holt-linear',
  'naive',
  'none',
] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

export interface ForecastErrors {
  /** Months held out at the end of the history, forecast from the months before them. */
  holdoutMonths: number;
  /** The method the shortened history allowed (it may be simpler than the full forecast's). */
  method: ForecastMethod;
  actual: number[];
  forecast: number[];
  mae: number;
  /** Mean |actual - forecast| / actual over the months with a non-zero actual; null when there are none. */
  mape: number | null;
  /** Mean 2|actual - forecast| / (|actual| + |forecast|), a month with both zero counting 0. */
  smape: number;
}

export interface SeriesForecast {
  method: ForecastMethod;
  parameters: SmoothingParameters | null;
  values: number[];
  backtest: ForecastErrors | null;
}

/** Volumes are never negative: a trend running below zero is cut at zero. */
const volumes = (values: number[]) => values.map((value) => Math.max(0, value));

/**
 * The method the history allows: Holt-Winters from two full seasons on (multiplicative only when asked
 * and every value is positive, additive otherwise), Holt's linear trend from two values, the last value
 * repeated from one, nothing from none.
 */
function fit(
  history: number[],
  seasonality: Seasonality,
  horizon: number,
): { method: ForecastMethod; fitted: SmoothingFit | null; values: number[] } {
  if (history.length >= 2 * SEASON_MONTHS) {
    const kind = seasonality === 'multiplicative' && history.every((v) => v > 0) ? seasonality : 'additive';
    const fitted = fitHoltWinters(history, SEASON_MONTHS, kind, horizon);
    return { method: `holt-winters-${kind}`, fitted, values: volumes(fitted.forecast) };
  }
  if (history.length >= 2) {
    const fitted = fitHoltLinear(history, horizon);
    return { method: 'holt-linear', fitted, values: volumes(fitted.forecast) };
  }
  if (history.length === 1)
    return { method: 'naive', fitted: null, values: Array.from({ length: horizon }, () => history[0]) };
  return { method: 'none', fitted: null, values: [] };
}

export function forecastErrors(
  actual: number[],
  forecast: number[],
): Omit<ForecastErrors, 'holdoutMonths' | 'method'> {
  const pairs = actual.map((value, i) => [value, forecast[i]] as const);
  const average = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const nonZero = pairs.filter(([a]) => a !== 0);
  return {
    actual,
    forecast,
    mae: average(pairs.map(([a, f]) => Math.abs(a - f))),
    mape: nonZero.length ? average(nonZero.map(([a, f]) => Math.abs(a - f) / Math.abs(a))) : null,
    smape: average(
      pairs.map(([a, f]) => (a === 0 && f === 0 ? 0 : (2 * Math.abs(a - f)) / (Math.abs(a) + Math.abs(f)))),
    ),
  };
}

/** Holds the last `holdout` months out, forecasts them from the rest and measures the error; null when too short. */
function backtest(history: number[], seasonality: Seasonality, holdout: number): ForecastErrors | null {
  const trained = history.length - holdout;
  if (holdout < 1 || trained < 2) return null;
  const { method, values } = fit(history.slice(0, trained), seasonality, holdout);
  return { holdoutMonths: holdout, method, ...forecastErrors(history.slice(trained), values) };
}

/** The next `horizon` months of a monthly series, with the backtest error over its last `holdout` months. */
export function forecastSeries(
  history: number[],
  options: { horizon: number; holdout: number; seasonality: Seasonality },
): SeriesForecast {
  const { method, fitted, values } = fit(history, options.seasonality, options.horizon);
  return {
    method,
    parameters: fitted?.parameters ?? null,
    values,
    backtest: backtest(history, options.seasonality, options.holdout),
  };
}
