import type { Money } from './sales-types';

/** `¥1,234,567` in the console's language; nothing for no amount. */
export function formatMoney(money: Money | number | null | undefined, language: string): string {
  if (money === null || money === undefined) return '';
  const { amount, currency } = typeof money === 'number' ? { amount: money, currency: 'CNY' } : money;
  return new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    amount,
  );
}

export const day = (value: string | null | undefined) => (value ? value.slice(0, 10) : '');

/** The current month as the sales service names it (`YYYY-MM`, Shanghai time). */
export const currentMonth = (now = new Date()): string => today(now).slice(0, 7);

/** Today as the sales service dates next steps (`YYYY-MM-DD`, Shanghai time). */
export function today(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
