import { SALES_TIME_ZONE } from '@crm/contracts';

/** `YYYY-MM`. */
export const SALES_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A month with the instants it starts and ends (exclusive) in the sales time zone. */
export interface SalesPeriod {
  month: string;
  /** `YYYY-MM-01`: how the month is stored. */
  firstDay: string;
  /** `YYYY-MM-01` of the month after: expected-close dates are compared as dates. */
  nextFirstDay: string;
  start: Date;
  end: Date;
}

export function isSalesMonth(value: unknown): value is string {
  return typeof value === 'string' && SALES_MONTH_PATTERN.test(value);
}

export function salesPeriod(month: string): SalesPeriod {
  const [year, monthNumber] = month.split('-').map(Number);
  const next = monthNumber === 12 ? monthKey(year + 1, 1) : monthKey(year, monthNumber + 1);
  return {
    month,
    firstDay: `${month}-01`,
    nextFirstDay: `${next}-01`,
    start: zonedMidnight(year, monthNumber),
    end: zonedMidnight(Number(next.slice(0, 4)), Number(next.slice(5, 7))),
  };
}

/** The month an instant falls in, in the sales time zone. */
export function salesMonthOf(instant: Date): string {
  const { year, month } = zonedParts(instant);
  return monthKey(year, month);
}

/** Months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = salesPeriod(month).nextFirstDay.slice(0, 7)) months.push(month);
  return months;
}

/** How many months `from` to `to` spans, both included (0 when `to` is before `from`). */
export function monthsSpanned(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return Math.max(0, index(to) - index(from) + 1);
}

/** How much of the month has passed at `now`: 0 before it starts, 1 once it is over. */
export function elapsedShare(period: SalesPeriod, now: Date): number {
  const share = (now.getTime() - period.start.getTime()) / (period.end.getTime() - period.start.getTime());
  return Math.min(1, Math.max(0, share));
}

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: SALES_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

function zonedParts(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = Object.fromEntries(
    formatter.formatToParts(instant).map((part) => [part.type, Number(part.value)]),
  );
  return parts as never;
}

/** The instant the first day of the month begins in the sales time zone. */
function zonedMidnight(year: number, month: number): Date {
  const asUtc = Date.UTC(year, month - 1, 1);
  const p = zonedParts(new Date(asUtc));
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - asUtc;
  return new Date(asUtc - offset);
}
