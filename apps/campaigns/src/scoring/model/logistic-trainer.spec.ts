import { fitLogistic } from './logistic-trainer';
import { probabilityOf } from './propensity-model';

describe(fitLogistic.name, () => {
  it('learns a positive weight for the input that raises the response and none for a constant one', () => {
    // The first input decides the label (with overlap near 0); the second never varies.
    const xs = Array.from({ length: 200 }, (_, i) => [(i - 100) / 40, 0]);
    const labels = xs.map(([x], i) => x + ((i * 37) % 11) / 10 - 0.5 > 0);
    const fitted = fitLogistic(xs, labels);
    expect(fitted.weights[0]).toBeGreaterThan(1);
    expect(fitted.weights[1]).toBe(0);
    const model = { ...fitted, means: [0, 0], stds: [1, 1] };
    expect(probabilityOf(model, [2, 0])).toBeGreaterThan(0.9);
    expect(probabilityOf(model, [-2, 0])).toBeLessThan(0.1);
  });
});
