import { CronExpressionParser } from 'cron-parser';
import { addDays, CalendarDay, CUSTOMER_TIME_ZONE, dayInShanghai, yearOf } from './calendar-day';
import { CampaignSchedule, CampaignTrigger, TriggerKinds } from './campaign-schedule';
import { holidayDate } from './holiday-calendar';

/** One run of a repeating campaign: its key names it for good (one step, each customer once), `day` is its date. */
export interface Occurrence {
  key: string;
  day: CalendarDay;
}

/**
 * The occurrence due at `now`, if any, for a campaign active since `since`. A cron fires its latest time not before
 * the activation (missed earlier ones are not caught up: one message, not a backlog); a trigger fires once on each
 * day of China's calendar.
 */
export function dueOccurrence(schedule: CampaignSchedule, now: Date, since: Date): Occurrence | null {
  if (schedule.kind === 'recurring') return dueCronOccurrence(schedule.cron, now, since);
  return triggerOccurrence(schedule.trigger, dayInShanghai(now));
}

function dueCronOccurrence(cron: string, now: Date, since: Date): Occurrence | null {
  const latest = CronExpressionParser.parse(cron, { tz: CUSTOMER_TIME_ZONE, currentDate: now })
    .prev()
    .toDate();
  if (latest < since) return null;
  return { key: latest.toISOString(), day: dayInShanghai(latest) };
}

function triggerOccurrence(trigger: CampaignTrigger, today: CalendarDay): Occurrence | null {
  if (trigger.kind !== TriggerKinds.holiday) return { key: `${trigger.kind}:${today}`, day: today };
  const holiday = addDays(today, trigger.daysBefore);
  if (holidayDate(trigger.holiday, yearOf(holiday)) !== holiday) return null;
  return { key: `${trigger.holiday}:${holiday}`, day: today };
}
