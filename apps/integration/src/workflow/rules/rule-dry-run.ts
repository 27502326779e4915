import { Injectable } from '@nestjs/common';
import { Clock } from '@crm/core';
import { RenderedAction } from '../actions/workflow-action';
import { RuleMatcher } from '../firings/rule-matcher';
import { RecentEventRepository } from '../recent-events/recent-event.repository';
import { occurrencesBetween } from '../schedules/cron-occurrences';
import { RuleDraft } from './workflow-rule';

/** Events (newest first) a dry run tries the rule on. */
export const DRY_RUN_EVENT_LIMIT = 500;
const DAY_MS = 86_400_000;

export interface DryRunMatch {
  /** The event that would fire the rule, or the scheduled time of a cron rule. */
  eventId?: string;
  occurredAt?: string;
  scheduledAt?: string;
  actions: RenderedAction[];
}

export interface DryRunResult {
  /** How many events (or cron times) were tried. */
  evaluated: number;
  matches: DryRunMatch[];
}

/**
 * A rule tried without effects: an event rule against the events kept lately, a cron rule against its times over
 * the same span; nothing is written and no action runs.
 */
@Injectable()
export class RuleDryRun {
  constructor(
    private readonly recent: RecentEventRepository,
    private readonly matcher: RuleMatcher,
    private readonly clock: Clock,
  ) {}

  async run(rule: RuleDraft, since: Date | null, retentionDays: number): Promise<DryRunResult> {
    const now = this.clock.now();
    const from = since ?? new Date(now.getTime() - retentionDays * DAY_MS);
    if ('cron' in rule.trigger) {
      const times = occurrencesBetween(rule.trigger.cron, rule.trigger.timezone, from, now);
      return {
        evaluated: times.length,
        matches: times.map((time) => {
          const scheduledAt = time.toISOString();
          return { scheduledAt, actions: this.matcher.render(rule, { scheduledAt }, now) };
        }),
      };
    }
    const events = await this.recent.ofType(rule.trigger.event, from, DRY_RUN_EVENT_LIMIT);
    const matches = events
      .filter((event) => this.matcher.matches(rule, event))
      .map((event) => ({
        eventId: event.id,
        occurredAt: event.occurredAt,
        actions: this.matcher.render(rule, { event }, now),
      }));
    return { evaluated: events.length, matches };
  }
}
