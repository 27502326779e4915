import { forecastErrors, forecastSeries } from './series-forecast';

const SEASON = [-30, -20, -5, 5, 15, 30, 40, 25, 10, -10, -25, -35];
const series = (months: number) => Array.from({ length: months }, (_, t) => 100 + 2 * t + SEASON[t % 12]);
const options = { horizon: 3, holdout: 3, seasonality: 'additive' as const };

describe(forecastSeries.name, () => {
  it('uses Holt-Winters from two seasons on, and backtests the last months from the rest', () => {
    const result = forecastSeries(series(27), options);
    expect(result.method).toBe('holt-winters-additive');
    expect(result.values.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([159, 171, 188]);
    expect(result.backtest).toMatchObject({ holdoutMonths: 3, method: 'holt-winters-additive' });
    expect(result.backtest?.mae).toBeCloseTo(0, 6);
  });

  it("falls back to Holt's linear trend under two seasons and says so (the backtest too)", () => {
    const result = forecastSeries([10, 13, 16, 19, 22], options);
    expect(result).toMatchObject({ method: 'holt-linear', values: [25, 28, 31] });
    expect(result.parameters?.gamma).toBeNull();
    expect(result.backtest).toMatchObject({
      method: 'holt-linear',
      actual: [16, 19, 22],
      forecast: [16, 19, 22],
    });
  });

  it('repeats a single value, has nothing for none, and no backtest without two months to train on', () => {
    expect(forecastSeries([7], options)).toMatchObject({
      method: 'naive',
      values: [7, 7, 7],
      backtest: null,
    });
    expect(forecastSeries([], options)).toMatchObject({ method: 'none', values: [], backtest: null });
  });

  it('takes additive seasonality when multiplicative is asked for but a month is zero', () => {
    const history = series(24);
    history[3] = 0;
    expect(forecastSeries(history, { ...options, seasonality: 'multiplicative' }).method).toBe(
      'holt-winters-additive',
    );
  });

  it('never forecasts a negative volume', () => {
    expect(forecastSeries([30, 20, 10], options).values).toEqual([0, 0, 0]);
  });
});

describe(forecastErrors.name, () => {
  it('measures MAE, MAPE over non-zero actuals and sMAPE by hand', () => {
    const errors = forecastErrors([100, 0, 50], [110, 0, 40]);
    expect(errors.mae).toBeCloseTo(20 / 3, 9);
    expect(errors.mape).toBeCloseTo((0.1 + 0.2) / 2, 9);
    expect(errors.smape).toBeCloseTo((20 / 210 + 0 + 20 / 90) / 3, 9);
    expect(forecastErrors([0], [5]).mape).toBeNull();
  });
});
