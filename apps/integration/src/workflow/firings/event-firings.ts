import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerErased, EventEnvelope } from '@crm/contracts';
import { Clock } from '@crm/core';
import { RecentEventRepository } from '../recent-events/recent-event.repository';
import { WorkflowRuleRepository } from '../rules/workflow-rule.repository';
import { FiringWriter } from './firing-writer';
import { RuleMatcher } from './rule-matcher';
import { WorkflowFiringRepository } from './workflow-firing.repository';

/**
 * What an event does to the workflow, in the consumer's transaction (with the record of its id): it is kept for dry
 * runs and each enabled rule it matches gets one pending firing. Nothing runs here, so no action can hold it up.
 */
@Injectable()
export class EventFirings {
  constructor(
    private readonly rules: WorkflowRuleRepository,
    private readonly recent: RecentEventRepository,
    private readonly firings: WorkflowFiringRepository,
    private readonly matcher: RuleMatcher,
    private readonly writer: FiringWriter,
    private readonly clock: Clock,
  ) {}

  async onEvent(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const now = this.clock.now();
    if (event.type === CustomerErased.type) await this.forget(tx, event.aggregateId, now);
    else await this.recent.keep(tx, event, now);
    for (const rule of await this.rules.enabledForEvent(tx, event.type))
      if (this.matcher.matches(rule, event)) await this.writer.addOnce(tx, rule, event.id, { event }, now);
  }

  /** An erased customer's events are dropped from the recent ones and from the firings' records. */
  private async forget(tx: EntityManager, customerId: string, now: Date): Promise<void> {
    await this.recent.forgetAggregate(tx, customerId);
    await this.firings.forgetCustomer(tx, customerId, now);
  }
}
