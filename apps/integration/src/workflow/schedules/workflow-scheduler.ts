import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@crm/core';
import { WakePollLoop } from '@crm/messaging';
import { FiringWriter } from '../firings/firing-writer';
import { WorkflowFiringRepository } from '../firings/workflow-firing.repository';
import { RecentEventRepository } from '../recent-events/recent-event.repository';
import { WorkflowRuleRepository } from '../rules/workflow-rule.repository';
import { WORKFLOW_SETTINGS, WorkflowSettings } from '../workflow-settings';
import { occurrencesBetween } from './cron-occurrences';

const DAY_MS = 86_400_000;
const PURGE_EVERY_MS = 3_600_000;

/**
 * Turns each due cron occurrence into one firing (keyed `cron:<time>` with the rule: a second scheduler or a
 * restart adds nothing) and moves the rule's cursor in the same transaction, so a restart neither misses a time
 * nor fires it twice. Also drops recent events and finished firings past their retention.
 */
@Injectable()
export class WorkflowScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: WakePollLoop;
  private lastPurge = 0;

  constructor(
    private readonly db: DataSource,
    private readonly rules: WorkflowRuleRepository,
    private readonly writer: FiringWriter,
    private readonly recent: RecentEventRepository,
    private readonly firings: WorkflowFiringRepository,
    private readonly clock: Clock,
    @Inject(WORKFLOW_SETTINGS) private readonly settings: WorkflowSettings,
  ) {
    this.loop = new WakePollLoop({
      name: WorkflowScheduler.name,
      pass: () => this.runDue(),
      pollIntervalMs: settings.pollIntervalMs,
    });
  }

  onApplicationBootstrap(): void {
    if (this.settings.backgroundJobs) this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass: the firings every enabled cron rule owes up to now; resolves with how many were added. */
  async runDue(): Promise<number> {
    const now = this.clock.now();
    const added = await this.db.transaction(async (tx) => {
      let count = 0;
      for (const { rule, cursor } of await this.rules.lockEnabledCron(tx)) {
        if (!('cron' in rule.trigger)) continue;
        const owed = occurrencesBetween(rule.trigger.cron, rule.trigger.timezone, cursor, now);
        for (const time of owed) {
          const scheduledAt = time.toISOString();
          if (await this.writer.addOnce(tx, rule, `cron:${scheduledAt}`, { scheduledAt }, now)) count++;
        }
        if (owed.length > 0) await this.rules.moveCursor(tx, rule.ruleId, owed[owed.length - 1]);
      }
      return count;
    });
    if (now.getTime() - this.lastPurge >= PURGE_EVERY_MS) {
      await this.purge(now);
      this.lastPurge = now.getTime();
    }
    return added;
  }

  /** Recent events and finished firings past their retention go. */
  async purge(now: Date): Promise<{ recentEvents: number; firings: number }> {
    const recentEvents = await this.recent.purge(
      new Date(now.getTime() - this.settings.recentEventDays * DAY_MS),
    );
    const firings = await this.firings.purgeFinished(
      new Date(now.getTime() - this.settings.firingRetentionDays * DAY_MS),
    );
    return { recentEvents, firings };
  }
}
