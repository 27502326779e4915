import { isCalendarDate, isDateTime } from './date.validators';

describe(isCalendarDate.name, () => {
  it('accepts days that exist, 29 February of a leap year included', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1985-12-31')).toBe(true);
  });

  it('refuses days the calendar does not have', () => {
    for (const date of ['2023-02-29', '2023-02-31', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10'])
      expect(isCalendarDate(date)).toBe(false);
  });

  it('refuses other shapes and types', () => {
    for (const value of ['2023-2-3', '20230203', '2023-02-03T00:00:00Z', ' 2023-02-03', 20230203, null])
      expect(isCalendarDate(value)).toBe(false);
  });
});

describe(isDateTime.name, () => {
  it('accepts instants with an offset', () => {
    for (const value of [
      '2026-03-10T08:30:00Z',
      '2026-11-26T09:30:00+08:00',
      '2024-02-29T23:59:59.123Z',
      '2026-03-10T08:30Z',
    ])
      expect(isDateTime(value)).toBe(true);
  });

  it('refuses impossible days and times, and local times without an offset', () => {
    for (const value of [
      '2023-02-29T10:00:00Z',
      '2023-02-31T10:00:00Z',
      '2026-03-10T24:00:00Z',
      '2026-03-10T08:60:00Z',
      '2026-03-10T08:30:00',
      '2026-03-10',
      '2026-03-10T08:30:00+25:00',
    ])
      expect(isDateTime(value)).toBe(false);
  });
});
