import { SALES_TIME_ZONE } from '@crm/contracts';

const MONTH_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: SALES_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
});

/** The month of the sales calendar (Asia/Shanghai) an instant falls in, `YYYY-MM`. */
export function salesMonthOf(instant: Date): string {
  return MONTH_FORMAT.format(instant).slice(0, 7);
}

const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

export function addMonths(month: string, count: number): string {
  return monthAt(index(month) + count);
}

/** The months [from, to), oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  return Array.from({ length: Math.max(0, index(to) - index(from)) }, (_, i) => monthAt(index(from) + i));
}
