import { fitStandardisation, standardise } from './standardisation';

describe(fitStandardisation.name, () => {
  it('takes the mean and population standard deviation of the known values of each column', () => {
    const fitted = fitStandardisation(
      [
        [2, 10],
        [4, null],
        [6, 10],
        [8, 10],
      ],
      2,
    );
    expect(fitted.means).toEqual([5, 10]);
    expect(fitted.stds[0]).toBeCloseTo(Math.sqrt(5), 12);
  });

  it('gives a column without spread, or without any known value, a deviation of 1', () => {
    expect(
      fitStandardisation(
        [
          [3, null],
          [3, null],
        ],
        2,
      ).stds,
    ).toEqual([1, 1]);
  });
});

describe(standardise.name, () => {
  it('centres and scales each value and makes an unknown one the mean (0)', () => {
    const fitted = { means: [5, 10], stds: [2, 1] };
    expect(standardise([9, null], fitted)).toEqual([2, 0]);
    expect(standardise([1, 12], fitted)).toEqual([-2, 2]);
  });
});
