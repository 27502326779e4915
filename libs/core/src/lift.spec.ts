import { liftOf } from './lift';

describe(liftOf.name, () => {
  it('computes the lift and its 95% interval by hand-checked numbers', () => {
    // p1 = 120/1000 = 0.12, p2 = 8/100 = 0.08, d = 0.04;
    // SE = sqrt(0.12*0.88/1000 + 0.08*0.92/100) = sqrt(0.0001056 + 0.000736) = sqrt(0.0008416) = 0.0290104...
    // margin = 1.959964 * 0.0290104 = 0.0568594; CI = [-0.0168594, 0.0968594]
    const lift = liftOf({ size: 1000, converted: 120 }, { size: 100, converted: 8 });
    expect(lift.treatedRate).toBeCloseTo(0.12, 10);
    expect(lift.holdoutRate).toBeCloseTo(0.08, 10);
    expect(lift.absoluteLift).toBeCloseTo(0.04, 10);
    expect(lift.confidenceInterval95?.low).toBeCloseTo(-0.0168594, 6);
    expect(lift.confidenceInterval95?.high).toBeCloseTo(0.0968594, 6);
    expect(lift.note).toBeNull();
  });

  it('gives an interval that excludes zero for a clear effect', () => {
    // p1 = 0.3 (n 500), p2 = 0.1 (n 500): SE = sqrt(0.21/500 + 0.09/500) = sqrt(0.0006) = 0.0244949
    const lift = liftOf({ size: 500, converted: 150 }, { size: 500, converted: 50 });
    expect(lift.confidenceInterval95?.low).toBeCloseTo(0.2 - 1.959964 * 0.0244949, 6);
    expect(lift.confidenceInterval95?.high).toBeCloseTo(0.2 + 1.959964 * 0.0244949, 6);
  });

  it('says when a group is too small for the normal approximation', () => {
    const lift = liftOf({ size: 1000, converted: 120 }, { size: 20, converted: 3 });
    expect(lift.absoluteLift).toBeCloseTo(0.12 - 0.15, 10);
    expect(lift.confidenceInterval95).toBeNull();
    expect(lift.note).toMatch(/too few/);
  });

  it('has no lift without a holdout', () => {
    const lift = liftOf({ size: 10, converted: 1 }, { size: 0, converted: 0 });
    expect(lift).toMatchObject({
      treatedRate: 0.1,
      holdoutRate: null,
      absoluteLift: null,
      note: 'no holdout group',
    });
  });
});
