/** A day of the customers' calendar (China's), `YYYY-MM-DD`: what daily triggers and holidays are keyed by. */
export type CalendarDay = string;

export const CUSTOMER_TIME_ZONE = 'Asia/Shanghai';

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: CUSTOMER_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const dayInShanghai = (at: Date): CalendarDay => SHANGHAI_DAY.format(at);

export const dayOf = (year: number, month: number, day: number): CalendarDay =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

export const yearOf = (day: CalendarDay) => Number(day.slice(0, 4));

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The birthdays (`MM-DD`) celebrated on a day: its own, and on Feb 28 of a common year also Feb 29, so those
 * born on a leap day are greeted every year, the day before their birthday would be.
 */
export function anniversariesOn(day: CalendarDay): string[] {
  const monthDay = day.slice(5);
  return monthDay === '02-28' && !isLeapYear(yearOf(day)) ? [monthDay, '02-29'] : [monthDay];
}
