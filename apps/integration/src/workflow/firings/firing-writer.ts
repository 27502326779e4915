import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdGenerator } from '@crm/core';
import { afterCommit } from '@crm/messaging';
import { FiringInput } from '../actions/workflow-action';
import { WorkflowRule } from '../rules/workflow-rule';
import { RuleMatcher } from './rule-matcher';
import { WorkflowFiringDispatcher } from './workflow-firing.dispatcher';
import { WorkflowFiringRepository } from './workflow-firing.repository';

/**
 * Adds a rule's firing for one source (an event id, a cron time) in the caller's transaction, its actions rendered
 * now, unless that rule fired for that source already; the dispatcher is woken once the transaction commits.
 */
@Injectable()
export class FiringWriter {
  constructor(
    private readonly firings: WorkflowFiringRepository,
    private readonly matcher: RuleMatcher,
    private readonly dispatcher: WorkflowFiringDispatcher,
    private readonly ids: IdGenerator,
  ) {}

  async addOnce(
    tx: EntityManager,
    rule: WorkflowRule,
    sourceKey: string,
    input: FiringInput,
    now: Date,
  ): Promise<boolean> {
    const added = await this.firings.insertOnce(tx, {
      firingId: this.ids.next(),
      ruleId: rule.ruleId,
      ruleVersion: rule.version,
      sourceKey,
      input,
      actions: this.matcher.render(rule, input, now),
      createdAt: now,
    });
    if (added) afterCommit(tx, () => this.dispatcher.wake());
    return added;
  }
}
