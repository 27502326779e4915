import { LunarDay } from 'tyme4ts';
import { anniversariesOn } from './calendar-day';
import { holidayDate, holidaysOf } from './holiday-calendar';

/** Published dates (State Council holiday notices, almanacs): independent of the library under test. */
const KNOWN_DATES = {
  'spring-festival': ['2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03'],
  'mid-autumn': ['2025-10-06', '2026-09-25', '2027-09-15', '2028-10-03', '2029-09-22', '2030-09-12'],
  'dragon-boat': ['2025-05-31', '2026-06-19', '2027-06-09', '2028-05-28', '2029-06-16', '2030-06-05'],
} as const;

const LUNAR = {
  'spring-festival': [1, 1],
  lantern: [1, 15],
  'dragon-boat': [5, 5],
  qixi: [7, 7],
  'mid-autumn': [8, 15],
};
const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];

describe('holiday calendar', () => {
  it.each(Object.entries(KNOWN_DATES))('puts %s on its published dates 2025-2030', (holiday, dates) => {
    expect(YEARS.map((year) => holidayDate(holiday as keyof typeof KNOWN_DATES, year))).toEqual(dates);
  });

  it.each(Object.entries(LUNAR))(
    'puts %s on its lunar day per tyme4ts, 2025-2030',
    (holiday, [month, day]) => {
      for (const year of YEARS) {
        const solar = LunarDay.fromYmd(year, month, day).getSolarDay();
        const expected = `${solar.getYear()}-${String(solar.getMonth()).padStart(2, '0')}-${String(solar.getDay()).padStart(2, '0')}`;
        expect(holidayDate(holiday as keyof typeof LUNAR, year)).toBe(expected);
      }
    },
  );

  it('keeps Lantern 14 days after Spring Festival in every year', () => {
    for (let year = 1950; year <= 2090; year++) {
      const spring = new Date(`${holidayDate('spring-festival', year)}T00:00:00Z`).getTime();
      const lantern = new Date(`${holidayDate('lantern', year)}T00:00:00Z`).getTime();
      expect((lantern - spring) / 86_400_000).toBe(14);
      expect(holidayDate('spring-festival', year).slice(0, 4)).toBe(String(year));
    }
  });

  it('lists a year in date order, fixed-date holidays included', () => {
    const year = holidaysOf(2027);
    expect(year.map((holiday) => holiday.key)).toEqual([
      'new-year',
      'spring-festival',
      'lantern',
      'dragon-boat',
      'qixi',
      'mid-autumn',
      'national-day',
    ]);
    expect(year.find((holiday) => holiday.key === 'national-day')?.date).toBe('2027-10-01');
    expect(year.find((holiday) => holiday.key === 'qixi')).toEqual({
      key: 'qixi',
      name: '七夕',
      date: '2027-08-08',
    });
  });
});

describe(anniversariesOn.name, () => {
  it('greets Feb 29 birthdays on Feb 28 of a common year, and on their own day in a leap year', () => {
    expect(anniversariesOn('2027-02-28')).toEqual(['02-28', '02-29']);
    expect(anniversariesOn('2028-02-28')).toEqual(['02-28']);
    expect(anniversariesOn('2028-02-29')).toEqual(['02-29']);
    expect(anniversariesOn('2100-02-28')).toEqual(['02-28', '02-29']);
  });
});
