import { elapsedShare, monthsBetween, monthsSpanned, salesMonthOf, salesPeriod } from './sales-month';

describe(salesPeriod.name, () => {
  it('starts and ends a month at midnight in Shanghai', () => {
    const march = salesPeriod('2026-03');
    expect(march.start.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(march.end.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(salesPeriod('2026-12')).toMatchObject({ firstDay: '2026-12-01', nextFirstDay: '2027-01-01' });
  });
});

describe(salesMonthOf.name, () => {
  it('puts a late evening in Shanghai in its own month, whatever the UTC date', () => {
    expect(salesMonthOf(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03');
    expect(salesMonthOf(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04');
  });
});

describe(elapsedShare.name, () => {
  it('is the share of the month passed, 0 before and 1 after it', () => {
    const april = salesPeriod('2026-04');
    expect(elapsedShare(april, new Date('2026-04-10T16:00:00Z'))).toBeCloseTo(10 / 30, 10);
    expect(elapsedShare(april, new Date('2026-03-01T00:00:00Z'))).toBe(0);
    expect(elapsedShare(april, new Date('2026-06-01T00:00:00Z'))).toBe(1);
  });
});

describe(monthsBetween.name, () => {
  it('lists the months across a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe(monthsSpanned.name, () => {
  it('counts both ends, and nothing when the range runs backwards', () => {
    expect(monthsSpanned('2025-11', '2026-10')).toBe(12);
    expect(monthsSpanned('2026-03', '2026-03')).toBe(1);
    expect(monthsSpanned('2026-03', '2026-01')).toBe(0);
  });
});
