import { z } from 'zod';

const MINUTES_PER_DAY = 24 * 60;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Local hours in which nothing is sent on a channel, `start` to `end` in minutes of the day; may span midnight. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

const minuteOf = (time: string) => {
  const [, hours, minutes] = CLOCK_TIME.exec(time) as RegExpExecArray;
  return Number(hours) * 60 + Number(minutes);
};

/** A window as configured, `HH:MM-HH:MM` (e.g. `21:00-08:00`), or `off`. */
export const quietHoursSetting = z
  .string()
  .refine(
    (value) =>
      value === 'off' ||
      (/^[^-]+-[^-]+$/.test(value) && value.split('-').every((time) => CLOCK_TIME.test(time))),
    'HH:MM-HH:MM (e.g. 21:00-08:00) or off',
  );

export function parseQuietHours(window: string): QuietHours {
  const [start, end] = window.split('-');
  return { startMinute: minuteOf(start), endMinute: minuteOf(end) };
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The minute of the day it is at `at` on the wall clocks of `timeZone`. */
function localMinuteOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((found, part) => ({ ...found, [part.type]: part.value }), {});
  return Number(parts.hour) * 60 + Number(parts.minute);
}

/**
 * When a send falling due at `now` may go: null when `now` is outside the quiet hours (send now), else the end of the
 * window in the customer's time zone (e.g. 08:00 local), to the minute.
 */
export function quietUntil(hours: QuietHours, now: Date, timeZone: string): Date | null {
  const local = localMinuteOfDay(now, timeZone);
  const sinceStart = (local - hours.startMinute + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const length = (hours.endMinute - hours.startMinute + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  if (sinceStart >= length) return null;
  const startOfMinute = now.getTime() - (now.getTime() % 60_000);
  return new Date(startOfMinute + (length - sinceStart) * 60_000);
}
