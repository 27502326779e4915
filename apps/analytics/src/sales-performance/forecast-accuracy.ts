/**
 * How close a forecast came to the revenue won (ADR 0035): 1 - |actual - forecast| / max(forecast, actual),
 * from 1 (exact) down to 0 (nothing won, or nothing forecast, or off by the whole larger amount). Symmetric,
 * bounded, and defined for a month with nothing won, unlike MAPE. Null without a forecast.
 */
export function forecastAccuracy(forecast: number | null, actual: number): number | null {
  if (forecast === null) return null;
  const larger = Math.max(forecast, actual);
  return larger === 0 ? 1 : 1 - Math.abs(actual - forecast) / larger;
}
