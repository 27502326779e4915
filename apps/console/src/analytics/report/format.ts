import { i18n } from '../../i18n/i18n';

const locale = () => (i18n.language === 'en' ? 'en-US' : 'zh-CN');

export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return '–';
  return value.toLocaleString(locale(), { maximumFractionDigits: digits });
}

/** A number for an axis label: 120万 / 1.2M. */
export function formatCompact(value: number): string {
  return value.toLocaleString(locale(), { notation: 'compact', maximumFractionDigits: 1 });
}

export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return value.toLocaleString(locale(), { style: 'percent', maximumFractionDigits: 1 });
}

export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return value.toLocaleString(locale(), { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });
}

/** A duration in the largest unit that keeps it readable (seconds to days). */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '–';
  const units: Array<[Intl.NumberFormatOptions['unit'], number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
    ['second', 1],
  ];
  const [unit, size] = units.find(([, size]) => seconds >= size) ?? units[3];
  return (seconds / size).toLocaleString(locale(), { style: 'unit', unit, maximumFractionDigits: 1 });
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? new Date(value).toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'short' }) : '–';
}

/** The last `count` months as YYYY-MM (UTC), this month first. */
export function recentMonths(count: number, now = new Date()): string[] {
  return Array.from({ length: count }, (_, back) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7),
  );
}

/** A report window [from, to) of the last `days` days, as the analytics routes take it. */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  return { from: new Date(now.getTime() - days * 86_400_000).toISOString(), to: now.toISOString() };
}
