import { CronExpressionParser } from 'cron-parser';

/** At most this many past occurrences are caught up in one pass (a rule down for long fires its latest ones). */
export const MAX_CATCH_UP = 100;

/**
 * The cron's times after `after` up to and including `until`, oldest first, at most `MAX_CATCH_UP` (the latest ones):
 * what a scheduler that was down, or slow, still owes.
 */
export function occurrencesBetween(cron: string, timezone: string, after: Date, until: Date): Date[] {
  const times = CronExpressionParser.parse(cron, { tz: timezone, currentDate: until });
  const owed: Date[] = [];
  // Walking back from `until` finds the latest times first; a cron time exactly at `until` counts.
  const exact = CronExpressionParser.parse(cron, { tz: timezone, currentDate: new Date(until.getTime() - 1) })
    .next()
    .toDate();
  if (exact.getTime() === until.getTime() && until > after) owed.push(exact);
  while (owed.length < MAX_CATCH_UP) {
    const previous = times.prev().toDate();
    if (previous <= after) break;
    owed.push(previous);
  }
  return owed.reverse();
}
