import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerErased, EventEnvelope } from '@crm/contracts';
import { Clock, IdGenerator } from '@crm/core';
import { afterCommit } from '@crm/messaging';
import { RecentEventRepository } from '../recent-events/recent-event.repository';
import { WorkflowRuleRepository } from '../rules/workflow-rule.repository';
import { RuleMatcher } from './rule-matcher';
import { WorkflowFiringDispatcher } from './workflow-firing.dispatcher';
import { WorkflowFiringRepository } from './workflow-firing.repository';

/**
 * What an event does to the workflow, in the consumer's transaction (with the record of its id): it is kept for dry
 * runs and each enabled rule it matches gets one pending firing. Nothing runs here, so no action can hold it up.
 */
@Injectable()
export class EventFirings {
  constructor(
    private readonly rules: WorkflowRuleRepository,
    private readonly firings: WorkflowFiringRepository,
    private readonly recent: RecentEventRepository,
    private readonly matcher: RuleMatcher,
    private readonly dispatcher: WorkflowFiringDispatcher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async onEvent(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const now = this.clock.now();
    if (event.type === CustomerErased.type) await this.recent.forgetAggregate(tx, event.aggregateId);
    else await this.recent.keep(tx, event, now);
    let added = false;
    for (const rule of await this.rules.enabledForEvent(tx, event.type)) {
      if (!this.matcher.matches(rule, event)) continue;
      const input = { event };
      added =
        (await this.firings.insertOnce(tx, {
          firingId: this.ids.next(),
          ruleId: rule.ruleId,
          ruleVersion: rule.version,
          sourceKey: event.id,
          input,
          actions: this.matcher.render(rule, input, now),
          createdAt: now,
        })) || added;
    }
    if (added) afterCommit(tx, () => this.dispatcher.wake());
  }
}
