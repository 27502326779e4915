import { OpeningHours } from '../stations/station';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Stations are in China; opening hours are local wall-clock times there (UTC+8, no daylight saving). */
export const STATION_UTC_OFFSET_MINUTES = 8 * 60;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function windowsOn(openingHours: OpeningHours, dayOfWeek: number): [number, number][] {
  return openingHours
    .filter((w) => w.day === dayOfWeek)
    .map((w): [number, number] => [minutesOf(w.opens) * MINUTE, minutesOf(w.closes) * MINUTE])
    .filter(([opens, closes]) => closes > opens)
    .sort((a, b) => a[0] - b[0]);
}

/**
 * The moment `hours` of opening time after `start`: time while the station is closed does not count.
 * Without opening hours (or with none that are ever open) every hour counts.
 */
export function addBusinessHours(
  start: Date,
  hours: number,
  openingHours: OpeningHours,
  utcOffsetMinutes = STATION_UTC_OFFSET_MINUTES,
): Date {
  let remaining = hours * 60 * MINUTE;
  const everOpen = [0, 1, 2, 3, 4, 5, 6].some((day) => windowsOn(openingHours, day).length > 0);
  if (!everOpen) return new Date(start.getTime() + remaining);
  const offset = utcOffsetMinutes * MINUTE;
  let cursor = start.getTime() + offset;
  for (;;) {
    const midnight = Math.floor(cursor / DAY) * DAY;
    for (const [opens, closes] of windowsOn(openingHours, new Date(midnight).getUTCDay())) {
      const begin = Math.max(cursor, midnight + opens);
      const available = midnight + closes - begin;
      if (available <= 0) continue;
      if (remaining <= available) return new Date(begin + remaining - offset);
      remaining -= available;
      cursor = midnight + closes;
    }
    cursor = midnight + DAY;
  }
}
