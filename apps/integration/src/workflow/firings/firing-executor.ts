import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { describeSendError, SendOutcome } from '@crm/messaging';
import { WorkflowActions } from '../actions/workflow-actions';
import { DueFiring, FiringAttempt } from './workflow-firing';

export interface FiringResult extends SendOutcome {
  actions: NonNullable<FiringAttempt['actions']>;
}

/**
 * Runs a firing's actions in order and stops at the first that fails; a retry runs them all again, each keyed by the
 * firing id and its place, so an action done before does not happen twice.
 */
@Injectable()
export class FiringExecutor {
  constructor(private readonly actions: WorkflowActions) {}

  async run(firing: DueFiring): Promise<FiringResult> {
    const started = performance.now();
    const outcomes: FiringResult['actions'] = [];
    let error: string | null = null;
    for (const [index, rendered] of firing.actions.entries()) {
      if (error) {
        outcomes.push({ type: rendered.type, outcome: 'not-reached' });
        continue;
      }
      error = await this.runOne(firing, index);
      outcomes.push(
        error ? { type: rendered.type, outcome: 'failed', error } : { type: rendered.type, outcome: 'done' },
      );
    }
    return { error, durationMs: Math.round(performance.now() - started), actions: outcomes };
  }

  private async runOne(firing: DueFiring, index: number): Promise<string | null> {
    const rendered = firing.actions[index];
    const action = this.actions.get(rendered.type);
    if (!action) return `no action ${rendered.type} in this release`;
    try {
      await action.execute(rendered, {
        firingId: firing.firingId,
        ruleId: firing.ruleId,
        actionIndex: index,
        idempotencyKey: `${firing.firingId}.${index}`,
      });
      return null;
    } catch (error) {
      return describeSendError(error);
    }
  }
}
