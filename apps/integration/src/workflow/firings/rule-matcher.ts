import { Injectable } from '@nestjs/common';
import { EventEnvelope } from '@crm/contracts';
import { FiringInput, RenderedAction } from '../actions/workflow-action';
import { WorkflowActions } from '../actions/workflow-actions';
import { conditionHolds } from '../conditions/condition';
import { RuleDraft } from '../rules/workflow-rule';

/** Whether a rule fires for an event and what its actions become: the same for a real firing and a dry run. */
@Injectable()
export class RuleMatcher {
  constructor(private readonly actions: WorkflowActions) {}

  matches(rule: RuleDraft, event: EventEnvelope): boolean {
    if (!('event' in rule.trigger) || rule.trigger.event !== event.type) return false;
    return !rule.condition || conditionHolds(rule.condition, event.payload);
  }

  render(rule: RuleDraft, input: FiringInput, now: Date): RenderedAction[] {
    return rule.actions.map((config) => {
      const action = this.actions.get(config.type);
      if (!action) throw new Error(`no action ${config.type} in this release`);
      return action.render(config, input, now);
    });
  }
}
