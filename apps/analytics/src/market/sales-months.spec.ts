import { addMonths, monthsBetween, salesMonthOf } from './sales-months';

describe(salesMonthOf.name, () => {
  it('reads the month in Shanghai: 16:30 UTC on 31 October is already November', () => {
    expect(salesMonthOf(new Date('2026-10-31T16:30:00Z'))).toBe('2026-11');
    expect(salesMonthOf(new Date('2026-10-31T15:30:00Z'))).toBe('2026-10');
  });
});

describe(monthsBetween.name, () => {
  it('lists [from, to) across a year end, and nothing when to is not after from', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthsBetween('2026-02', '2026-02')).toEqual([]);
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
});
