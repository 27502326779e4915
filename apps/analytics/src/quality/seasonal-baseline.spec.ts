import { addMonths, baselineMonths, judgeCell } from './seasonal-baseline';

describe('the seasonal baseline of a quality cell', () => {
  it('compares a month with the 6 before it and the same month of the 2 years before', () => {
    expect(baselineMonths('2026-03', '2020-01')).toEqual([
      '2024-03',
      '2025-03',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('leaves out months before the data starts, and gives no verdict on fewer than 6', () => {
    expect(baselineMonths('2026-03', '2025-10')).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(baselineMonths('2026-03', null)).toEqual([]);
    expect(judgeCell(50, [1, 1, 1, 1, 1])).toBeNull();
  });

  it('flags a jump beyond mean + 3 spread, not a month within it', () => {
    const noisy = [4, 7, 5, 9, 6, 5, 8, 4];
    // mean 6, sample sd 1.85, Poisson floor sqrt(6) = 2.45: bound 13.35.
    expect(judgeCell(13, noisy)).toMatchObject({ alert: false, expected: 6 });
    expect(judgeCell(14, noisy)?.alert).toBe(true);
    expect(judgeCell(14, noisy)?.upperBound).toBeCloseTo(6 + 3 * Math.sqrt(6), 6);
  });

  it('does not flag the first few complaints of a quiet cell', () => {
    expect(judgeCell(2, [0, 0, 0, 0, 0, 0])?.alert).toBe(false);
    expect(judgeCell(3, [0, 0, 0, 0, 0, 0])?.alert).toBe(true);
  });
});
