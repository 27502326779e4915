import { forecastAccuracy } from './forecast-accuracy';

describe(forecastAccuracy.name, () => {
  it('is 1 - |actual - forecast| / max(forecast, actual)', () => {
    expect(forecastAccuracy(300_000, 330_000)).toBeCloseTo(1 - 30_000 / 330_000, 12);
    expect(forecastAccuracy(200_000, 50_000)).toBe(0.25);
  });

  it('is 1 for an exact forecast, even of nothing, 0 when nothing was won, null without a forecast', () => {
    expect(forecastAccuracy(100, 100)).toBe(1);
    expect(forecastAccuracy(0, 0)).toBe(1);
    expect(forecastAccuracy(100, 0)).toBe(0);
    expect(forecastAccuracy(null, 100)).toBeNull();
  });
});
