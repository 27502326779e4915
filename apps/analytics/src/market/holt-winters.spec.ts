import { fitHoltLinear, fitHoltWinters, holtLinear, holtWinters } from './holt-winters';

const SEASON = [-30, -20, -5, 5, 15, 30, 40, 25, 10, -10, -25, -35];
/** 100 + 2t plus a fixed seasonal swing summing to zero: every value checkable by hand. */
const additiveSeries = (months: number) =>
  Array.from({ length: months }, (_, t) => 100 + 2 * t + SEASON[t % 12]);

describe(holtWinters.name, () => {
  it('fits a trend plus an additive season exactly and continues it (t = 24: 100 + 48 - 30 = 118)', () => {
    const { sse, forecast } = holtWinters(
      additiveSeries(24),
      12,
      'additive',
      { alpha: 0.5, beta: 0.1, gamma: 0.3 },
      3,
    );
    expect(sse).toBeCloseTo(0, 9);
    expect(forecast[0]).toBeCloseTo(118, 9);
    expect(forecast[1]).toBeCloseTo(100 + 50 - 20, 9);
    expect(forecast[2]).toBeCloseTo(100 + 52 - 5, 9);
  });

  it('fits a multiplicative season on a flat level exactly (200 x factor)', () => {
    const factors = SEASON.map((s) => 1 + s / 100);
    const series = Array.from({ length: 24 }, (_, t) => 200 * factors[t % 12]);
    const { sse, forecast } = holtWinters(
      series,
      12,
      'multiplicative',
      { alpha: 0.3, beta: 0.1, gamma: 0.2 },
      2,
    );
    expect(sse).toBeCloseTo(0, 9);
    expect(forecast[0]).toBeCloseTo(140, 9);
    expect(forecast[1]).toBeCloseTo(160, 9);
  });

  it('updates by hand: a shock of +12 in the month after the two initial seasons (alpha 0.5, beta 0.05)', () => {
    const series = additiveSeries(25);
    series[24] += 12;
    // Predicted 148 - 30 = 118, actual 130: error 12. Level 0.5 (130 + 30) + 0.5 x 148 = 154,
    // trend 0.05 (154 - 146) + 0.95 x 2 = 2.3; next month 154 + 2.3 - 20 = 136.3.
    const parameters = { alpha: 0.5, beta: 0.05, gamma: 0.05 };
    const { sse, forecast } = holtWinters(series, 12, 'additive', parameters, 1);
    expect(sse).toBeCloseTo(144, 9);
    expect(forecast[0]).toBeCloseTo(136.3, 9);
  });
});

describe(fitHoltWinters.name, () => {
  it('picks grid parameters with the least SSE and continues a noisy seasonal series closely', () => {
    const noise = [1.5, -2, 0.5, 2.5, -1, -0.5, 1, -2.5, 2, 0, -1.5, 1];
    const series = additiveSeries(36).map((value, t) => value + noise[(t * 5) % 12]);
    const fit = fitHoltWinters(series, 12, 'additive', 6);
    expect(fit.parameters.gamma).not.toBeNull();
    const truth = additiveSeries(42).slice(36);
    fit.forecast.forEach((value, i) => expect(Math.abs(value - truth[i])).toBeLessThan(6));
  });

  it('refuses fewer than two seasons', () => {
    expect(() => fitHoltWinters(additiveSeries(23), 12, 'additive', 1)).toThrow('24 values');
  });
});

describe(holtLinear.name, () => {
  it('continues a straight line exactly', () => {
    const { sse, forecast } = holtLinear([10, 13, 16, 19], { alpha: 0.3, beta: 0.3 }, 2);
    expect(sse).toBe(0);
    expect(forecast).toEqual([22, 25]);
  });

  it('updates by hand: 10, 13, 19 with alpha = beta = 0.5', () => {
    // t=1: predicted 13, level 13, trend 3. t=2: predicted 16, error 3; level 17.5, trend 3.75.
    const { sse, forecast } = holtLinear([10, 13, 19], { alpha: 0.5, beta: 0.5 }, 1);
    expect(sse).toBe(9);
    expect(forecast).toEqual([21.25]);
    expect(fitHoltLinear([10, 13, 19], 1).sse).toBeLessThanOrEqual(9);
  });
});
