import { LunarDay } from 'tyme4ts';
import { CalendarDay, dayOf } from './calendar-day';

/** The lunar holidays (month and day of the Chinese lunar calendar) and the fixed-date ones marketers ask for. */
const LUNAR_HOLIDAYS = {
  'spring-festival': { month: 1, day: 1, name: '春节' },
  lantern: { month: 1, day: 15, name: '元宵节' },
  'dragon-boat': { month: 5, day: 5, name: '端午节' },
  qixi: { month: 7, day: 7, name: '七夕' },
  'mid-autumn': { month: 8, day: 15, name: '中秋节' },
} as const;

const FIXED_HOLIDAYS = {
  'new-year': { month: 1, day: 1, name: '元旦' },
  'national-day': { month: 10, day: 1, name: '国庆节' },
} as const;

export type HolidayKey = keyof typeof LUNAR_HOLIDAYS | keyof typeof FIXED_HOLIDAYS;
export const ALL_HOLIDAYS = [...Object.keys(LUNAR_HOLIDAYS), ...Object.keys(FIXED_HOLIDAYS)] as HolidayKey[];

export interface Holiday {
  key: HolidayKey;
  name: string;
  date: CalendarDay;
}

/** The Gregorian date of a holiday in a Gregorian year (each lunar one falls once in any Gregorian year). */
export function holidayDate(key: HolidayKey, year: number): CalendarDay {
  if (key in FIXED_HOLIDAYS) {
    const { month, day } = FIXED_HOLIDAYS[key as keyof typeof FIXED_HOLIDAYS];
    return dayOf(year, month, day);
  }
  const { month, day } = LUNAR_HOLIDAYS[key as keyof typeof LUNAR_HOLIDAYS];
  // Lunar month 1 to 8 of lunar year Y all fall in Gregorian year Y (Spring Festival is between Jan 21 and Feb 20).
  const solar = LunarDay.fromYmd(year, month, day).getSolarDay();
  return dayOf(solar.getYear(), solar.getMonth(), solar.getDay());
}

export function holidaysOf(year: number): Holiday[] {
  const names: Record<HolidayKey, string> = {
    ...mapNames(LUNAR_HOLIDAYS),
    ...mapNames(FIXED_HOLIDAYS),
  } as Record<HolidayKey, string>;
  return ALL_HOLIDAYS.map((key) => ({ key, name: names[key], date: holidayDate(key, year) })).sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

function mapNames(table: Record<string, { name: string }>): Record<string, string> {
  return Object.fromEntries(Object.entries(table).map(([key, { name }]) => [key, name]));
}
