import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1_000;
const CAP = /^(\d{1,4})\/(\d{1,3})d$/;

/** At most `messages` marketing messages per customer on a channel in any `windowDays` days. */
export interface FrequencyCap {
  messages: number;
  windowDays: number;
}

/** A cap as configured, `N/Dd` (e.g. `2/7d`: two messages per seven days), or `off`. */
export const frequencyCapSetting = z
  .string()
  .refine((value) => value === 'off' || CAP.test(value), 'N/Dd (e.g. 2/7d: two per seven days) or off');

export function parseFrequencyCap(value: string): FrequencyCap {
  const [, messages, windowDays] = CAP.exec(value) as RegExpExecArray;
  return { messages: Number(messages), windowDays: Number(windowDays) };
}

/** The start of the rolling window that ends at `now`. */
export const windowStart = (cap: FrequencyCap, now: Date) =>
  new Date(now.getTime() - cap.windowDays * DAY_MS);
